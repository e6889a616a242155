import { Module } from '@nestjs/common';
import { AddCollaborationPartnerHttpController } from './add-collaboration-partner/add-collaboration-partner.http.controller';
import { EndCollaborationHttpController } from './end-collaboration/end-collaboration.http.controller';
import { GetCollaborationHandler } from './get-collaboration/get-collaboration.handler';
import { GetCollaborationHttpController } from './get-collaboration/get-collaboration.http.controller';
import { RecordCollaborationHttpController } from './record-collaboration/record-collaboration.http.controller';

@Module({
  controllers: [RecordCollaborationHttpController, AddCollaborationPartnerHttpController, EndCollaborationHttpController, GetCollaborationHttpController],
  providers: [GetCollaborationHandler],
})
export class CollaborationsModule {}
