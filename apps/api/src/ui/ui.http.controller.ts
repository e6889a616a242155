import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/roles.decorator';
import { UiAssets, type UiAsset } from './ui-assets';

/**
 * The network page and its bundle. Public: a browser navigation sends no bearer header; the page then calls
 * the API with the key the user gives it, so nothing is read here without a key.
 */
@ApiExcludeController()
@Controller('ui')
export class UiHttpController {
  constructor(@Inject(UiAssets) private readonly assets: UiAssets) {}

  @Get('network')
  @Public()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'network.html');
  }

  @Get('network.js')
  @Public()
  script(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'network.js');
  }

  @Get('network.css')
  @Public()
  style(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'network.css');
  }

  private async send(reply: FastifyReply, asset: UiAsset): Promise<Buffer> {
    const file = await this.assets.read(asset);
    // Revalidate every time: a rebuilt bundle must not be shadowed by a cached one.
    void reply.header('content-type', file.contentType).header('cache-control', 'no-cache');
    return file.body;
  }
}
