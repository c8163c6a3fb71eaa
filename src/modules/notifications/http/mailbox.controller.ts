import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../platform/auth';
import { Page, PageOf } from '../../../platform/http';
import { ListMailboxUseCase, MailboxItem } from '../application/mailbox/list-mailbox.use-case';
import { MailboxItemResponse, MailboxQueryDto } from './mailbox.dto';

/** The dev mailbox: the delivery log, for admins (`/notifications/mailbox`). */
@ApiTags('notifications')
@Roles('admin')
@Controller('notifications/mailbox')
export class MailboxController {
  constructor(private readonly listMailbox: ListMailboxUseCase) {}

  @Get()
  @ApiOperation({ summary: 'Emails sent, newest first (bodies kept only when no SMTP server is configured)' })
  @ApiOkResponse({ type: PageOf(MailboxItemResponse) })
  list(@Query() query: MailboxQueryDto): Promise<Page<MailboxItem>> {
    return this.listMailbox.execute({ to: query.to, cursor: query.cursor, limit: query.limit ?? 20 });
  }
}
