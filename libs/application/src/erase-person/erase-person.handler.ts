import { CommandHandler as CqrsHandler, type ICommandHandler } from '@nestjs/cqrs';
import { PersonalDataEraser, type ErasureResult } from '../retention/personal-data-eraser';
import { ErasePersonCommand } from './erase-person.command';

/** Crypto-shredding through the shared eraser (the retention run uses the same one); the actor is the API key's name. */
@CqrsHandler(ErasePersonCommand)
export class ErasePersonHandler implements ICommandHandler<ErasePersonCommand, ErasureResult> {
  constructor(private readonly eraser: PersonalDataEraser) {}

  execute({ personId, reason, at, context }: ErasePersonCommand): Promise<ErasureResult> {
    return this.eraser.erase({ personId, reason, at }, context);
  }
}
