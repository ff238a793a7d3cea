// AWS JSON-protocol errors: HTTP status plus {"__type": name, "message": ...}.

export class ServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400
  ) {
    super(message)
  }
}

export const pipelineNotFound = (name: string): ServiceError =>
  new ServiceError('PipelineNotFoundException', `Account '123456789012' does not have a pipeline with name '${name}'`)

export const executionNotFound = (pipeline: string, id: string): ServiceError =>
  new ServiceError('PipelineExecutionNotFoundException', `Pipeline execution with id '${id}' does not exist in pipeline '${pipeline}'`)

export const validationError = (message: string): ServiceError => new ServiceError('ValidationException', message)

export const invalidNextToken = (): ServiceError =>
  new ServiceError('InvalidNextTokenException', 'The next token was specified in an invalid format')
