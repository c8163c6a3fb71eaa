import { INestApplication } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { AccessTokens, Role } from '../../src/platform/auth';

/** An `Authorization` header for a made-up user with these roles. */
export function bearer(app: INestApplication, roles: Role[] = ['customer'], id = uuidv7()): { authorization: string } {
  return { authorization: `Bearer ${app.get(AccessTokens).sign({ id, roles })}` };
}
