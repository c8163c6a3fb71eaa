export * from './contracts';
export { NotificationsModule } from './notifications.module';
