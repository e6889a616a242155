import { Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../common/auth/roles.decorator';
import { languageOf } from './form-submission';
import { PublicFormService, type Answered } from './public-form.service';
import { renderPage } from './render/render-page';

const send = (reply: FastifyReply, answered: Answered): string => {
  // The pages carry personal links (cancel, invitation): never cached, never sent on as a Referer.
  void reply.status(answered.status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
  return renderPage(answered.page);
};

/** One string from a query or header value (repeated parameters: the first). */
const one = (value: unknown): string | null => (typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : null);

// Query and body are read from the request itself, not through the API's validation pipe: a person's page answers an odd
// parameter by ignoring it (and a refused form by showing it again), never with a JSON problem.
const queryOf = (request: FastifyRequest): Record<string, unknown> => (typeof request.query === 'object' && request.query !== null ? (request.query as Record<string, unknown>) : {});
const langOf = (request: FastifyRequest) => languageOf(one(queryOf(request)['lang']), one(request.headers['accept-language']) ?? undefined);

/**
 * The public registration form (issue 19): pages for people, no API key. Server-rendered HTML that works without
 * JavaScript; `?lang=fi|en` or the browser's language. Out of the OpenAPI document: it is not the API.
 */
@ApiExcludeController()
@Controller('r')
export class PublicFormHttpController {
  constructor(private readonly forms: PublicFormService) {}

  @Get('cancel/:token')
  @Public()
  async cancelPage(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const lang = langOf(request);
    return send(reply, await this.forms.cancelPage(token, lang, request.url.split('?')[0]!));
  }

  @Post('cancel/:token')
  @Public()
  @HttpCode(200)
  async cancel(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return send(reply, await this.forms.cancel(token, langOf(request), String(request.id)));
  }

  @Get(':token')
  @Public()
  async form(@Param('token') token: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return send(reply, await this.forms.form(token, langOf(request), one(queryOf(request)['invitation'])));
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  async submit(
    @Param('token') token: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const body: unknown = request.body;
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    // The invitation travels in the address (the form's action keeps it) or as the form's hidden field.
    const invitation = one(queryOf(request)['invitation']) ?? one(fields['invitation']);
    return send(reply, await this.forms.submit(token, langOf(request), invitation, body, String(request.id)));
  }
}
