import { describe, expect, it } from 'vitest';
import { checkDockerfile } from '../../src/checks/content/dockerfile.ts';

describe('Dockerfile snippets (dockerfile-utils on dockerfile-ast)', () => {
  it('accepts a multi-stage build with BuildKit mounts, continuations and a parser directive', () => {
    const code = `# syntax=docker/dockerfile:1
FROM python:3.12-slim AS build
RUN --mount=type=cache,target=/root/.cache/pip \\
    pip install --target /deps requests
FROM python:3.12-slim
COPY --from=build /deps /deps
ENV PYTHONPATH=/deps
USER 10001
CMD ["python", "-m", "app"]`;
    expect(checkDockerfile(code)).toBeUndefined();
  });

  it('reports an unknown instruction at its line', () => {
    expect(checkDockerfile('FROM alpine:3.22\nRUNN echo hi\n')).toEqual({
      line: 2,
      message: 'Dockerfile: Unknown instruction: RUNN',
    });
  });

  it('reports an instruction with missing arguments', () => {
    expect(checkDockerfile('FROM alpine:3.22\nEXPOSE\n')).toEqual({
      line: 2,
      message: 'Dockerfile: Instruction has no arguments',
    });
  });

  it('reports what the Dockerfile language server warns about', () => {
    expect(checkDockerfile('FROM alpine:3.22\nrun echo hi\n')).toEqual({
      line: 2,
      message: 'Dockerfile: Instructions should be written in uppercase letters',
    });
  });

  it('reports a file without FROM, which has no line of its own', () => {
    expect(checkDockerfile('RUN echo hi\n')).toEqual({
      line: undefined,
      message: 'Dockerfile: No source image provided with `FROM`',
    });
  });
});
