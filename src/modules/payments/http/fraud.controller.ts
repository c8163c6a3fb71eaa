import { Body, Controller, Get, HttpCode, Param, PipeTransform, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { AuthenticatedUser, CurrentUser, Roles } from '../../../platform/auth';
import { ApiProblem, FieldError, IdParam, Page, ProblemException } from '../../../platform/http';
import { GetFraudLabelUseCase } from '../application/fraud-labels/get-fraud-label.use-case';
import { FraudLabelView, MarkFraudUseCase } from '../application/fraud-labels/mark-fraud.use-case';
import { ChangeFraudModelUseCase } from '../application/fraud-models/change-fraud-model.use-case';
import { FraudModelAuditUseCase } from '../application/fraud-models/fraud-model-audit.use-case';
import { GetFraudAssessmentUseCase } from '../application/fraud-models/get-fraud-assessment.use-case';
import { ListFraudModelsUseCase } from '../application/fraud-models/list-fraud-models.use-case';
import { ExplainReviewUseCase } from '../application/review-explanations/explain-review.use-case';
import { GetReviewUseCase } from '../application/reviews/get-review.use-case';
import { DecideReviewUseCase } from '../application/reviews/decide-review.use-case';
import { ListReviewsUseCase } from '../application/reviews/list-reviews.use-case';
import { AssessmentView, ReviewView } from '../application/reviews/review-view';
import { TrainFraudModelUseCase } from '../application/fraud-models/train-fraud-model.use-case';
import { TrainingReport } from '../application/fraud-models/fraud-training';
import { ListReviewsQueryDto, MarkFraudDto, TrainFraudModelDto } from './fraud.dto';
import {
  AssessmentResponse,
  FraudLabelResponse,
  FraudModelAuditPage,
  FraudModelAuditResponse,
  FraudModelPage,
  FraudModelVersionResponse,
  LiveVersionsResponse,
  ReviewPage,
  ReviewResponse,
  TrainingReportResponse,
} from './fraud.response';

/** A model version in the path: a positive integer, else a 400. */
class ParseVersionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!/^[1-9]\d{0,8}$/.test(value)) {
      throw ProblemException.validation([new FieldError('version', 'version must be a positive integer')]);
    }
    return Number(value);
  }
}

/** Fraud screening for admins: the review queue, assessments, labels and the model versions. */
@ApiTags('payments')
@Controller('payments')
export class FraudController {
  constructor(
    private readonly listReviews: ListReviewsUseCase,
    private readonly decideReview: DecideReviewUseCase,
    private readonly markFraud: MarkFraudUseCase,
    private readonly getLabel: GetFraudLabelUseCase,
    private readonly listModels: ListFraudModelsUseCase,
    private readonly modelAudit: FraudModelAuditUseCase,
    private readonly changeModel: ChangeFraudModelUseCase,
    private readonly getAssessment: GetFraudAssessmentUseCase,
    private readonly getReview: GetReviewUseCase,
    private readonly explainReview: ExplainReviewUseCase,
    private readonly trainModel: TrainFraudModelUseCase,
  ) {}

  /** Payments held for review (authorized, not captured), oldest first, with score and top features. */
  @Get('reviews')
  @Roles('admin')
  @ApiOkResponse({ type: ReviewPage })
  reviews(@Query() query: ListReviewsQueryDto): Promise<Page<ReviewView>> {
    return this.listReviews.execute(query);
  }

  /** One review (any status) with its assessment and its AI explanation. */
  @Get('reviews/:id')
  @Roles('admin')
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblem(404, 'not-found', 'No review for this payment')
  review(@IdParam() id: string): Promise<ReviewView> {
    return this.getReview.execute({ paymentId: id });
  }

  /**
   * Asks the AI module to explain the review now (again after a new prompt version or grant); a new
   * text replaces the stored one. The explanation never decides, and a failure changes nothing else.
   */
  @Post('reviews/:id/explanation')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblem(404, 'not-found', 'No review for this payment')
  @ApiProblem(503, 'ai-disabled', 'No model provider is configured (or the AI module is unreachable)')
  @ApiProblem(429, 'ai-budget-exhausted', "The feature's or the global AI budget is spent for this period")
  @ApiProblem(502, 'risk-explanation-failed', 'The AI module could not explain it (the problem is named)')
  explain(@IdParam() id: string, @CurrentUser() admin: AuthenticatedUser): Promise<ReviewView> {
    return this.explainReview.execute({ paymentId: id, admin });
  }

  /** Approves a held payment: the checkout captures it and confirms the order. The same call again is harmless. */
  @Post('reviews/:id/approve')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblem(404, 'not-found', 'No review for this payment')
  @ApiProblem(409, 'review-already-decided', 'The review was rejected already')
  @ApiProblem(409, 'payment-not-held', 'The payment is no longer held (its order was cancelled)')
  approve(@IdParam() id: string, @CurrentUser() admin: AuthenticatedUser): Promise<ReviewView> {
    return this.decideReview.execute({ paymentId: id, outcome: 'approved', admin });
  }

  /** Rejects a held payment: the order is cancelled (`payment_risk`) and the hold voided. The same call again is harmless. */
  @Post('reviews/:id/reject')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ReviewResponse })
  @ApiProblem(404, 'not-found', 'No review for this payment')
  @ApiProblem(409, 'review-already-decided', 'The review was approved already')
  @ApiProblem(409, 'payment-not-held', 'The payment is no longer held (its order was cancelled)')
  reject(@IdParam() id: string, @CurrentUser() admin: AuthenticatedUser): Promise<ReviewView> {
    return this.decideReview.execute({ paymentId: id, outcome: 'rejected', admin });
  }

  /** A payment's fraud assessment: score, model version, top contributions, the rules' score, the shadow's verdict. */
  @Get(':id/fraud-assessment')
  @Roles('admin')
  @ApiOkResponse({ type: AssessmentResponse })
  @ApiProblem(404, 'not-found', 'No assessment for this payment')
  assessment(@IdParam() id: string): Promise<AssessmentView> {
    return this.getAssessment.execute({ paymentId: id });
  }

  /** Marks an order's payment fraudulent (or legitimate): a label for the next training. */
  @Put('fraud-labels/:id')
  @Roles('admin')
  @ApiParam({ name: 'id', description: 'The order id' })
  @ApiOkResponse({ type: FraudLabelResponse })
  @ApiProblem(404, 'not-found', 'No payment for this order')
  label(
    @IdParam() orderId: string,
    @Body() body: MarkFraudDto,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<FraudLabelView> {
    return this.markFraud.execute({ orderId, fraudulent: body.fraudulent, note: body.note, admin });
  }

  /** An order's payment's current fraud label: the verdict, its source, who set it, when, and the note. */
  @Get('fraud-labels/:id')
  @Roles('admin')
  @ApiParam({ name: 'id', description: 'The order id' })
  @ApiOkResponse({ type: FraudLabelResponse })
  @ApiProblem(404, 'not-found', 'No payment for this order, or its payment has no label')
  currentLabel(@IdParam() orderId: string): Promise<FraudLabelView> {
    return this.getLabel.execute({ orderId });
  }

  /** Every stored model version with its hold-out figures, newest first. */
  @Get('fraud-models')
  @Roles('admin')
  @ApiOkResponse({ type: FraudModelPage })
  list(): Promise<Page<FraudModelVersionResponse>> {
    return this.listModels.execute();
  }

  /** The audit of model changes (trained, shadowed, promoted, rolled back), newest first. */
  @Get('fraud-models/audit')
  @Roles('admin')
  @ApiOkResponse({ type: FraudModelAuditPage })
  audit(): Promise<Page<FraudModelAuditResponse>> {
    return this.modelAudit.execute();
  }

  /**
   * Trains a new version from the labelled history (or the synthetic one), like `npm run
   * fraud:train`: stored with its hold-out figures, running in shadow (or as a candidate), audited.
   * Nothing acts until it is promoted. Training runs in this process (seconds on a large history).
   */
  @Post('fraud-models/train')
  @Roles('admin')
  @HttpCode(201)
  @ApiCreatedResponse({ type: TrainingReportResponse })
  @ApiProblem(422, 'not-enough-labels', 'Too few labelled attempts (or no legitimate ones) to learn from')
  train(@Body() body: TrainFraudModelDto, @CurrentUser() admin: AuthenticatedUser): Promise<TrainingReport> {
    return this.trainModel.execute({ ...body, actor: `admin:${admin.id}` });
  }

  /** Makes a version the one that acts; the one it replaces is retired (audited). */
  @Post('fraud-models/:version/promote')
  @Roles('admin')
  @HttpCode(200)
  @ApiParam({ name: 'version', type: Number })
  @ApiOkResponse({ type: LiveVersionsResponse })
  @ApiProblem(404, 'not-found', 'No such model version')
  promote(
    @Param('version', new ParseVersionPipe()) version: number,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<LiveVersionsResponse> {
    return this.changeModel.execute({ action: 'promote', version, actor: `admin:${admin.id}` });
  }

  /** Runs a version in shadow: scored and logged beside the active one, never acting (audited). */
  @Post('fraud-models/:version/shadow')
  @Roles('admin')
  @HttpCode(200)
  @ApiParam({ name: 'version', type: Number })
  @ApiOkResponse({ type: LiveVersionsResponse })
  @ApiProblem(404, 'not-found', 'No such model version')
  @ApiProblem(409, 'fraud-model-conflict', 'The active model cannot also run in shadow')
  shadow(
    @Param('version', new ParseVersionPipe()) version: number,
    @CurrentUser() admin: AuthenticatedUser,
  ): Promise<LiveVersionsResponse> {
    return this.changeModel.execute({ action: 'shadow', version, actor: `admin:${admin.id}` });
  }

  /** Retires the active version and reactivates the one before it (none: the rules decide). Audited. */
  @Post('fraud-models/rollback')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: LiveVersionsResponse })
  @ApiProblem(409, 'fraud-model-conflict', 'No model is active')
  rollback(@CurrentUser() admin: AuthenticatedUser): Promise<LiveVersionsResponse> {
    return this.changeModel.execute({ action: 'rollback', actor: `admin:${admin.id}` });
  }
}
