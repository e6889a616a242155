import { Module } from '@nestjs/common';
import { GetNetworkHandler } from './get-network/get-network.handler';
import { GetNetworkHttpController } from './get-network/get-network.http.controller';

@Module({ controllers: [GetNetworkHttpController], providers: [GetNetworkHandler] })
export class NetworkModule {}
