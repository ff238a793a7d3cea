import { ActionError } from './errors.js'

/** A bad input: the message names the input and the fix, in one line. */
export class InputError extends ActionError {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}
