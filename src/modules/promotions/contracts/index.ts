// The promotions module's public contracts: the only things other modules may know of it.
export * from './evaluate-promotions.query';
export * from './redeem-promotion.command';
export * from './release-promotion-redemption.command';
export * from './promotion-redeemed.integration-event';
export * from './promotion-rejected.integration-event';
