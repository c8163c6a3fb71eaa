// The cart module's public contracts: commands, queries and integration events.
export {};
