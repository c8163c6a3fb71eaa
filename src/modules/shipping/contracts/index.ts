// The shipping module's public contracts: commands, queries and integration events (none yet — issue 18).
export {};
