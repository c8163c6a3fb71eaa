import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '../../../../platform/http';
import { UserOrmEntity } from '../../infrastructure/user.orm-entity';
import { toUserView, UserView } from '../views';

@Injectable()
export class GetProfileHandler {
  constructor(@InjectDataSource('accounts') private readonly dataSource: DataSource) {}

  async execute(userId: string): Promise<UserView> {
    const user = await this.dataSource.getRepository(UserOrmEntity).findOneBy({ id: userId });
    if (!user) throw ProblemException.notFound('User');
    return toUserView(user);
  }
}
