// The ai module's public contracts: commands, queries and integration events (none yet — issue 20).
export {};
