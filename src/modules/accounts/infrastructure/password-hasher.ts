import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import type { Algorithm } from '@node-rs/argon2';
import { ACCOUNTS_CONFIG, AccountsConfig } from '../accounts.config';

// `Algorithm` is a const enum that the native binding does not export at runtime.
const ARGON2ID = 2 as Algorithm;

/** argon2id password hashing with the configured cost (defaults: m=19456 KiB, t=2, p=1). */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash: string;

  constructor(@Inject(ACCOUNTS_CONFIG) private readonly config: AccountsConfig) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('arcade-dummy-password-for-unknown-accounts');
  }

  hash(password: string): Promise<string> {
    const { memoryKib, iterations, parallelism } = this.config.hashing;
    return hash(password, { algorithm: ARGON2ID, memoryCost: memoryKib, timeCost: iterations, parallelism });
  }

  /** False for a wrong password; with no stored hash, spends the same time on a dummy one. */
  async verify(storedHash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await verify(storedHash ?? this.dummyHash, password);
      return storedHash !== undefined && ok;
    } catch {
      return false;
    }
  }
}
