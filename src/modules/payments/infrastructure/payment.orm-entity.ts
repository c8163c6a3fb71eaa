import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MINOR_UNITS } from '../../../platform/database';
import { PaymentStatus } from '../domain/payment-status';
import { RiskDecision } from '../domain/risk-assessment';

/** One order's payment: amounts, provider reference, last4 (never card data) and its risk assessment. */
@Entity({ name: 'payments' })
export class PaymentOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'order_id' }) orderId: string;
  @Column('uuid', { name: 'customer_id' }) customerId: string;
  /** Minor units (64-bit column). */
  @Column('bigint', { transformer: MINOR_UNITS }) amount: number;
  @Column('char', { length: 3 }) currency: string;
  @Column('bigint', { name: 'captured_amount', default: 0, transformer: MINOR_UNITS }) capturedAmount: number;
  @Column('bigint', { name: 'refunded_amount', default: 0, transformer: MINOR_UNITS }) refundedAmount: number;
  @Column('text') provider: string;
  @Column('text', { name: 'provider_ref', nullable: true }) providerRef: string | null;
  @Column('char', { length: 4, nullable: true }) last4: string | null;
  @Column('text') status: PaymentStatus;
  @Column('text', { name: 'decline_reason', nullable: true }) declineReason: string | null;
  @Column('char', { name: 'shipping_country', length: 2 }) shippingCountry: string;
  @Column('integer', { name: 'risk_score' }) riskScore: number;
  @Column('text', { name: 'risk_decision' }) riskDecision: RiskDecision;
  @Column('text', { name: 'risk_reasons', array: true, default: '{}' }) riskReasons: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
