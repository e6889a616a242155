import { Module } from '@nestjs/common';
import { GetNetworkHandler } from './get-network/get-network.handler';
import { GetNetworkHttpController } from './get-network/get-network.http.controller';
import { GetNetworkMetricsHandler } from './get-network-metrics/get-network-metrics.handler';
import { GetNetworkMetricsHttpController } from './get-network-metrics/get-network-metrics.http.controller';

@Module({ controllers: [GetNetworkMetricsHttpController, GetNetworkHttpController], providers: [GetNetworkHandler, GetNetworkMetricsHandler] })
export class NetworkModule {}
