// The tax module's public contracts: commands, queries and integration events (none yet — issue 19).
export {};
