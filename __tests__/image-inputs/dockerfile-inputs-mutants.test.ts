// What a Dockerfile takes from its context, in the cases the other readDockerfileInputs tests
// leave open: stages without WORKDIR or with a spaced one, stages found by name or by a
// two-digit index, COPY --from paths read from the stage's root, single-source and
// variable destinations, ADD sources that only look like URLs, the commands that do or do not
// make the `go` inputs mode fall back, and Dockerfiles Docker refuses, which must not stop the read.
import { readDockerfileInputs } from '../../src/image-inputs/dockerfile-inputs.js';

const dockerfile = (...lines: string[]) => lines.join('\n');
const fromStages = (text: string) => readDockerfileInputs(text).fromStages.map((copy) => [copy.source, copy.line]);
const otherCommands = (text: string) => readDockerfileInputs(text).otherCommands.map((other) => other.command);
const goBuilds = (text: string) => readDockerfileInputs(text).goBuilds.map(({ packages, unreadable }) => ({ packages, unreadable }));

describe('readDockerfileInputs: stages and working directories', () => {
  test('a stage without WORKDIR copies relative to its root, so an absolute path taken back out maps to the context', () => {
    const text = dockerfile('FROM scratch AS files', 'COPY . .', 'FROM alpine', 'COPY --from=files /config/app.yaml /etc/app.yaml');
    expect(fromStages(text)).toEqual([['config/app.yaml', 4]]);
  });

  test('a WORKDIR with a space is one directory', () => {
    const text = dockerfile('FROM golang', 'WORKDIR /my app', 'COPY . .', 'RUN go build -o /out/server "/my app/cmd/server"');
    expect(goBuilds(text)).toEqual([{ packages: ['cmd/server'], unreadable: undefined }]);
  });

  test('a WORKDIR relative to one that uses a variable is unknown too', () => {
    const text = dockerfile('FROM golang', 'ARG BASE', 'WORKDIR $BASE', 'WORKDIR src', 'COPY . .', 'RUN go build ./cmd/app');
    expect(goBuilds(text)).toEqual([{ packages: undefined, unreadable: 'its working directory uses a variable' }]);
  });

  test('COPY --from finds the stage of that name, not the first stage, and a name may end in digits', () => {
    const text = dockerfile(
      'FROM golang AS build',
      'COPY . /src',
      'FROM node AS web2',
      'COPY web /web',
      'FROM nginx',
      'COPY --from=web2 /web/index.html /usr/share/nginx/html/',
      'COPY --from=build /src/config.yaml /etc/app/',
    );
    expect(fromStages(text)).toEqual([
      ['web/index.html', 6],
      ['config.yaml', 7],
    ]);
  });

  test('COPY --from=10 is the eleventh stage', () => {
    const stages = Array.from({ length: 11 }, (_, n) => [`FROM alpine AS stage${n}`, `COPY part${n} /data`]).flat();
    const text = dockerfile(...stages, 'FROM scratch', 'COPY --from=10 /data/x.json /x.json');
    expect(fromStages(text)).toEqual([['part10/x.json', 24]]);
  });

  test('a COPY --from source is read from the root of the stage, not from its WORKDIR', () => {
    const text = dockerfile('FROM golang AS build', 'WORKDIR /src', 'COPY . .', 'FROM scratch', 'COPY --from=build src/config.yaml /config.yaml');
    expect(fromStages(text)).toEqual([['config.yaml', 5]]);
  });
});

describe('readDockerfileInputs: COPY and ADD destinations', () => {
  test('one source copied to a path without a trailing / becomes that path: below it is below the source', () => {
    const text = dockerfile('FROM alpine AS build', 'COPY config /etc/app', 'FROM scratch', 'COPY --from=build /etc/app/config /config');
    expect(fromStages(text)).toEqual([['config/config', 4]]);
  });

  test('a relative destination ending in / is a directory under the WORKDIR: a file lands in it by its name', () => {
    const text = dockerfile('FROM alpine AS build', 'WORKDIR /app', 'COPY config.yaml conf/', 'FROM scratch', 'COPY --from=build /app/conf/config.yaml /config.yaml');
    expect(fromStages(text)).toEqual([
      ['config.yaml', 5],
      ['config.yaml/config.yaml', 5],
    ]);
  });

  test('the whole context copied into a directory and taken back whole is the whole context, once', () => {
    const text = dockerfile('FROM golang AS build', 'COPY . /src/', 'FROM scratch', 'COPY --from=build /src /src');
    expect(fromStages(text)).toEqual([['', 4]]);
  });

  test('a COPY to a destination with a variable is a context source, but no later path can be traced through it', () => {
    const text = dockerfile('FROM golang', 'ARG OUT=/src', 'COPY go.mod go.sum ${OUT}/', 'RUN go build -o /app /src/cmd/app');
    const inputs = readDockerfileInputs(text);
    expect(inputs.copies.map((copy) => copy.source)).toEqual(['go.mod', 'go.sum']);
    expect(goBuilds(text)).toEqual([{ packages: undefined, unreadable: '/src/cmd/app is not inside a directory copied from the context' }]);
  });

  test('only ADD fetches, and only a source that starts with a URL scheme or git@: other names are context paths', () => {
    const text = dockerfile(
      'FROM alpine',
      'COPY git@github.com.pub /root/.ssh/',
      'ADD keys/git@gitlab.com.pub /root/.ssh/',
      'ADD ./mirror/https://example.com/tool.tgz /tmp/',
      'ADD git@github.com:example/repo.git /repo',
      'ADD https://example.com/tool.tgz /tmp/',
    );
    expect(readDockerfileInputs(text).copies).toEqual([
      { source: 'git@github.com.pub', line: 2 },
      { source: 'keys/git@gitlab.com.pub', line: 3 },
      { source: 'mirror/https:/example.com/tool.tgz', line: 4 },
    ]);
  });
});

describe('readDockerfileInputs: commands that make the Go source an incomplete account', () => {
  test('CMD, ENTRYPOINT and HEALTHCHECK run in the container, not in the build', () => {
    const text = dockerfile(
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'HEALTHCHECK CMD ./hack/healthcheck.sh',
      'ENTRYPOINT ["./hack/entrypoint.sh"]',
      'CMD ["go", "run", "./cmd/server"]',
    );
    expect(readDockerfileInputs(text)).toMatchObject({ goBuilds: [], otherCommands: [] });
  });

  test('a go build after pushd cannot be read, as after cd', () => {
    const text = dockerfile('FROM golang', 'SHELL ["/bin/bash", "-c"]', 'WORKDIR /src', 'COPY . .', 'RUN pushd cmd/app && go build -o /app . && popd');
    expect(goBuilds(text)).toEqual([{ packages: undefined, unreadable: 'it runs after a `cd`' }]);
  });

  test('assignments and shell keywords alone run nothing, even when a value names a script', () => {
    const text = dockerfile(
      'FROM golang',
      'COPY . /src',
      'RUN SCRIPT=start.sh; echo "$SCRIPT" > /etc/start-script',
      'RUN if [ "$TARGETARCH" = arm64 ]; then GOARCH=arm64; fi',
    );
    expect(otherCommands(text)).toEqual([]);
  });

  test('task, a ./ program and a script named by a relative path run files of the context', () => {
    const text = dockerfile(
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'RUN task build',
      'RUN ./configure --prefix=/usr',
      'RUN hack/gen.sh && scripts/migrate.py',
    );
    expect(otherCommands(text)).toEqual(['task build', './configure --prefix=/usr', 'hack/gen.sh', 'scripts/migrate.py']);
  });

  test('a script the base image holds, run before anything is copied from the context, is not the context', () => {
    const text = dockerfile('FROM php', 'RUN /usr/local/bin/docker-php-ext-install.sh pdo', 'COPY . /var/www');
    expect(otherCommands(text)).toEqual([]);
  });

  test('sh or bash given a file runs the context; a bare shell fed by a pipe, or `sh -c` with an echo, does not', () => {
    const text = dockerfile(
      'FROM golang',
      'WORKDIR /src',
      'COPY . .',
      'RUN sh hack/gen',
      'RUN curl -fsSL https://example.com/install | sh',
      "RUN sh -c 'echo built > /etc/built'",
    );
    expect(otherCommands(text)).toEqual(['sh hack/gen']);
  });

  test('a file tool counts only with a relative path or a path in a copied tree, flags aside', () => {
    const text = dockerfile(
      'FROM python AS tools',
      'RUN ln -s /usr/bin/python3 /usr/bin/python',
      'FROM golang',
      'COPY . /src',
      'COPY configs /etc/app',
      'RUN cp -r /src /opt/app',
      'RUN ln -sf /usr/bin/go /usr/local/bin/go',
    );
    expect(readDockerfileInputs(text).otherCommands).toEqual([{ line: 6, command: 'cp -r /src /opt/app' }]);
  });
});

describe('readDockerfileInputs: a Dockerfile Docker refuses', () => {
  test('an instruction before FROM, a FROM or COPY without arguments: read without throwing, the build reports them', () => {
    const text = dockerfile('RUN cp /etc/hosts /etc/hosts.orig', 'FROM golang AS build', 'COPY go.mod ./', 'COPY', 'FROM', 'COPY main.go ./');
    expect(readDockerfileInputs(text)).toEqual({
      copies: [
        { source: 'go.mod', line: 3 },
        { source: 'main.go', line: 6 },
      ],
      fromStages: [],
      goBuilds: [],
      otherCommands: [],
    });
  });
});
