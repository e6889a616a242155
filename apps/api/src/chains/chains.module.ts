import { ListChainsHandler } from './list-chains/list-chains.handler';
import { ListChainsHttpController } from './list-chains/list-chains.http.controller';
import { Module } from '@nestjs/common';
import { CloseChainHttpController } from './close-chain/close-chain.http.controller';
import { GetChainHandler } from './get-chain/get-chain.handler';
import { GetChainHttpController } from './get-chain/get-chain.http.controller';
import { RecordChainMeetingHttpController } from './record-chain-meeting/record-chain-meeting.http.controller';
import { RecordLastPaymentHttpController } from './record-last-payment/record-last-payment.http.controller';
import { StartChainHttpController } from './start-chain/start-chain.http.controller';
import { UpdateChainDetailsHttpController } from './update-chain-details/update-chain-details.http.controller';

@Module({
  controllers: [
    ListChainsHttpController, StartChainHttpController, UpdateChainDetailsHttpController, RecordChainMeetingHttpController, RecordLastPaymentHttpController, CloseChainHttpController, GetChainHttpController],
  providers: [
    ListChainsHandler, GetChainHandler],
})
export class ChainsModule {}
