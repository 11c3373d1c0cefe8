import { registerEnumType } from '@nestjs/graphql';

export enum ExportStatus {
  PENDING = 'PENDING',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

registerEnumType(ExportStatus, {
  name: 'ExportStatus',
  description: 'PENDING until a process takes it; DONE once its file can be downloaded.',
});
