import { Global, Module } from '@nestjs/common';
import { ViewReader } from './view-reader';

@Global()
@Module({ providers: [ViewReader], exports: [ViewReader] })
export class ViewsModule {}
