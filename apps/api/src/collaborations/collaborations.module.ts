import { Module } from '@nestjs/common';
import { AddCollaborationPartnerHandler } from './add-collaboration-partner/add-collaboration-partner.handler';
import { AddCollaborationPartnerHttpController } from './add-collaboration-partner/add-collaboration-partner.http.controller';
import { EndCollaborationHandler } from './end-collaboration/end-collaboration.handler';
import { EndCollaborationHttpController } from './end-collaboration/end-collaboration.http.controller';
import { GetCollaborationHandler } from './get-collaboration/get-collaboration.handler';
import { GetCollaborationHttpController } from './get-collaboration/get-collaboration.http.controller';
import { RecordCollaborationHandler } from './record-collaboration/record-collaboration.handler';
import { RecordCollaborationHttpController } from './record-collaboration/record-collaboration.http.controller';

@Module({
  controllers: [RecordCollaborationHttpController, AddCollaborationPartnerHttpController, EndCollaborationHttpController, GetCollaborationHttpController],
  providers: [RecordCollaborationHandler, AddCollaborationPartnerHandler, EndCollaborationHandler, GetCollaborationHandler],
})
export class CollaborationsModule {}
