import { Injectable } from '@nestjs/common';
import { ProblemException } from '../../../../platform/http';
import { FraudAssessmentRepository } from '../../infrastructure/fraud-assessment.repository';
import { AssessmentView, toAssessmentView } from '../reviews/review-view';

/** `GET /payments/:id/fraud-assessment`. */
export interface GetFraudAssessmentInput {
  readonly paymentId: string;
}

/** A payment's fraud assessment for admins: score, model version, top contributions, the shadow's verdict. */
@Injectable()
export class GetFraudAssessmentUseCase {
  constructor(private readonly assessments: FraudAssessmentRepository) {}

  async execute(input: GetFraudAssessmentInput): Promise<AssessmentView> {
    const found = await this.assessments.find(input.paymentId);
    if (!found)
      throw new ProblemException({ status: 404, type: 'not-found', detail: 'No assessment for this payment.' });
    return toAssessmentView(found);
  }
}
