import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../common/auth/roles.decorator';
import { ApiErrors } from '../common/problem/api-errors';
import { locateUiDir, UI_DIR_ENV } from './ui-assets';

/** The resource page's files and their content types; nothing else of the build folder is reachable from here. */
const RESOURCE_PAGE_ASSETS = {
  'resources.html': 'text/html; charset=utf-8',
  'resources.js': 'text/javascript; charset=utf-8',
  'resources.css': 'text/css; charset=utf-8',
} as const;
type ResourcePageAsset = keyof typeof RESOURCE_PAGE_ASSETS;

/**
 * The resource map page (GET /ui/resources?kind=&region=&municipality=&availableOn=) and its bundle, built beside the
 * network page by scripts/build-ui.js. Public like that page: the page calls GET /resources with the key the user gives.
 */
@ApiExcludeController()
@Controller('ui')
export class ResourcesUiHttpController {
  @Get('resources')
  @Public()
  page(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'resources.html');
  }

  @Get('resources.js')
  @Public()
  script(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'resources.js');
  }

  @Get('resources.css')
  @Public()
  style(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    return this.send(reply, 'resources.css');
  }

  private async send(reply: FastifyReply, asset: ResourcePageAsset): Promise<Buffer> {
    // Located on every request, as the network page is: building while the API runs needs no restart.
    const dir = locateUiDir({ env: process.env[UI_DIR_ENV], cwd: process.cwd(), from: __dirname });
    try {
      if (dir === null) throw Object.assign(new Error('not built'), { code: 'ENOENT' });
      const body = await readFile(join(dir, asset));
      // Revalidate every time: a rebuilt bundle must not be shadowed by a cached one.
      void reply.header('content-type', RESOURCE_PAGE_ASSETS[asset]).header('cache-control', 'no-cache');
      return body;
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') throw error;
      throw new ServiceUnavailableException({ code: ApiErrors.UI_NOT_BUILT, message: `The resource page is not built (${asset} not found): run \`npm run build\` (or \`node scripts/build-ui.js\`).` });
    }
  }
}
