import {describe, expect, test} from 'vitest';
import {PROTOCOL_VERSION, protocolMismatchMessage} from '../src/protocol.js';
import {handshakeProtocol, isClientMessage, isWorkerMessage} from '../src/protocolGuards.js';

describe('isClientMessage', () => {
  test.each([
    {title: 'init', message: {type: 'init', protocol: 1, indexURL: '/pyodide/'}, valid: true},
    {
      title: 'run',
      message: {type: 'run', id: 'run-1', session: 's', code: '1', cellId: 'c', kind: 'cell', packages: []},
      valid: true,
    },
    {
      title: 'run of a doctest',
      message: {type: 'run', id: 'run-1', session: 's', code: '>>> 1\n1\n', cellId: 'c', kind: 'doctest', packages: []},
      valid: true,
    },
    {
      title: 'run of an unknown kind',
      message: {type: 'run', id: 'run-1', session: 's', code: '1', cellId: 'c', kind: 'notebook', packages: []},
      valid: false,
    },
    {
      title: 'run without packages',
      message: {type: 'run', id: 'run-1', session: 's', code: '1', cellId: 'c', kind: 'cell'},
      valid: false,
    },
    {
      title: 'run with a non-string package',
      message: {type: 'run', id: 'r', session: 's', code: '1', cellId: 'c', kind: 'cell', packages: [1]},
      valid: false,
    },
    {
      title: 'init with package sources',
      message: {
        type: 'init',
        protocol: 4,
        indexURL: '/p/',
        packages: {lockFileUrl: '/m/pyodide-lock.json', baseUrl: '/m/', indexUrls: []},
        packagesHelpUrl: 'https://example.org/packages',
        devicePixelRatio: 2,
      },
      valid: true,
    },
    {
      title: 'init with a numeric baseUrl',
      message: {type: 'init', protocol: 4, indexURL: '/p/', packages: {baseUrl: 1}},
      valid: false,
    },
    {
      title: 'init with the shared-memory pause channel',
      message: {
        type: 'init',
        protocol: 4,
        indexURL: '/p/',
        pause: {
          transport: 'shared-memory',
          interruptBuffer: new SharedArrayBuffer(4),
          inputBuffer: new SharedArrayBuffer(8),
        },
      },
      valid: true,
    },
    {
      title: 'init with the message pause channel',
      message: {type: 'init', protocol: 4, indexURL: '/p/', pause: {transport: 'messages'}},
      valid: true,
    },
    {
      title: 'init with shared memory but no buffers',
      message: {type: 'init', protocol: 4, indexURL: '/p/', pause: {transport: 'shared-memory'}},
      valid: false,
    },
    {
      title: 'init with an unknown pause transport',
      message: {type: 'init', protocol: 4, indexURL: '/p/', pause: {transport: 'service-worker'}},
      valid: false,
    },
    {
      title: 'init with packages that are not an object',
      message: {type: 'init', protocol: 4, indexURL: '/p/', packages: '/m/'},
      valid: false,
    },
    {title: 'reset-session', message: {type: 'reset-session', id: 'reset-1', session: 's'}, valid: true},
    {title: 'input-reply', message: {type: 'input-reply', id: 'run-1', text: 'Ada'}, valid: true},
    {title: 'input-reply with null', message: {type: 'input-reply', id: 'run-1', text: null}, valid: false},
    {title: 'interrupt', message: {type: 'interrupt', id: 'run-1'}, valid: true},
    {title: 'interrupt without id', message: {type: 'interrupt'}, valid: false},
    {title: 'input-reply without text', message: {type: 'input-reply', id: 'run-1'}, valid: false},
    {title: 'input-reply with a number', message: {type: 'input-reply', id: 'run-1', text: 42}, valid: false},
    {title: 'run without cellId', message: {type: 'run', id: 'run-1', session: 's', code: '1'}, valid: false},
    {title: 'init with a string protocol', message: {type: 'init', protocol: '1', indexURL: '/'}, valid: false},
    {title: 'unknown type', message: {type: 'pause', id: 'r'}, valid: false},
    {title: 'not an object', message: 'run', valid: false},
    {title: 'null', message: null, valid: false},
  ])('$title', ({message, valid}) => {
    expect(isClientMessage(message)).toBe(valid);
  });
});

describe('isWorkerMessage', () => {
  test.each([
    {
      title: 'ready',
      message: {type: 'ready', protocol: 1, pyodideVersion: 'a', pythonVersion: 'b', timings: [], boot: 'fresh'},
      valid: true,
    },
    {
      title: 'ready from a snapshot that was not used',
      message: {
        type: 'ready',
        protocol: 1,
        pyodideVersion: 'a',
        pythonVersion: 'b',
        timings: [],
        boot: 'fresh',
        snapshotError: 'why',
      },
      valid: true,
    },
    {
      title: 'ready without how it booted',
      message: {type: 'ready', protocol: 1, pyodideVersion: 'a', pythonVersion: 'b', timings: []},
      valid: false,
    },
    {title: 'progress', message: {type: 'progress', stage: 'runtime', message: 'Loading'}, valid: true},
    {title: 'progress of an unknown stage', message: {type: 'progress', stage: 'packages', message: 'x'}, valid: false},
    {title: 'download', message: {type: 'download', id: 'r', package: 'six', loaded: 10, total: 20}, valid: true},
    {
      title: 'download of unknown size',
      message: {type: 'download', id: 'r', package: 'six', loaded: 10, total: null},
      valid: true,
    },
    {title: 'download without bytes', message: {type: 'download', id: 'r', package: 'six', total: 20}, valid: false},
    {title: 'stream', message: {type: 'stream', id: 'r', name: 'stdout', text: 'x'}, valid: true},
    {title: 'stream to stdin', message: {type: 'stream', id: 'r', name: 'stdin', text: 'x'}, valid: false},
    {title: 'result', message: {type: 'result', id: 'r', data: {'text/plain': '1'}, metadata: {}}, valid: true},
    {title: 'display without metadata', message: {type: 'display', id: 'r', data: {}}, valid: false},
    {title: 'error', message: {type: 'error', id: 'r', error: {ename: 'E', evalue: 'v', traceback: 't'}}, valid: true},
    {
      title: 'error with details',
      message: {type: 'error', id: 'r', error: {ename: 'E', evalue: 'v', traceback: 't', details: 'URLs'}},
      valid: true,
    },
    {
      title: 'error with non-string details',
      message: {type: 'error', id: 'r', error: {ename: 'E', evalue: 'v', traceback: 't', details: 1}},
      valid: false,
    },
    {
      title: 'error without traceback',
      message: {type: 'error', id: 'r', error: {ename: 'E', evalue: 'v'}},
      valid: false,
    },
    {title: 'done', message: {type: 'done', id: 'r', status: 'ok'}, valid: true},
    {title: 'done with another status', message: {type: 'done', id: 'r', status: 'cancelled'}, valid: false},
    {title: 'fatal', message: {type: 'fatal', message: 'x', reason: 'load-failed'}, valid: true},
    {title: 'fatal with an unknown reason', message: {type: 'fatal', message: 'x', reason: 'oops'}, valid: false},
  ])('$title', ({message, valid}) => {
    expect(isWorkerMessage(message)).toBe(valid);
  });
});

test('handshakeProtocol reads the version of a handshake of any shape', () => {
  expect(handshakeProtocol({type: 'init', protocol: 7, somethingNew: true}, 'init')).toBe(7);
  expect(handshakeProtocol({type: 'ready', protocol: 7}, 'ready')).toBe(7);
  expect(handshakeProtocol({type: 'ready', protocol: 7}, 'init')).toBeUndefined();
  expect(handshakeProtocol({type: 'init'}, 'init')).toBeUndefined();
});

test('the mismatch message names both versions and what to do', () => {
  const message = protocolMismatchMessage(PROTOCOL_VERSION, PROTOCOL_VERSION + 1);
  expect(message).toContain(`client speaks protocol ${PROTOCOL_VERSION}`);
  expect(message).toContain(`worker speaks protocol ${PROTOCOL_VERSION + 1}`);
  expect(message).toContain('same @pyodocs/runtime version');
});
