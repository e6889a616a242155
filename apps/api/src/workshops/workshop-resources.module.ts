import { Module } from '@nestjs/common';

/** Pledges, expenses, feedback, citizen input, planning meetings, sustainability: the workshop's resources and outcomes. */
@Module({
  controllers: [],
  providers: [],
})
export class WorkshopResourcesModule {}
