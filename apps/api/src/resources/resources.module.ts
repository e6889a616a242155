import { Module } from '@nestjs/common';
import { GetResourcesHandler } from './get-resources/get-resources.handler';
import { GetResourcesHttpController } from './get-resources/get-resources.http.controller';
import { ResourcesUiHttpController } from '../ui/resources.http.controller';

/** The resource map: partners' offers joined with their pledge history (GET /resources), and its page (GET /ui/resources). */
@Module({
  controllers: [GetResourcesHttpController, ResourcesUiHttpController],
  providers: [GetResourcesHandler],
})
export class ResourcesModule {}
