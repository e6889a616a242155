import { Module } from '@nestjs/common';
import { defaultUiAssets, UiAssets } from './ui-assets';
import { UiHttpController } from './ui.http.controller';

/** Browser pages served from the API's own origin (GET /ui/network?chainId=). */
@Module({ controllers: [UiHttpController], providers: [{ provide: UiAssets, useFactory: defaultUiAssets }] })
export class UiModule {}
