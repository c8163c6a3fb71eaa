// The recommendations module's public contracts: commands, queries and integration events.
export {};
