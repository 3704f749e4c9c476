// Loaded into a client's own Node.js process (`node --import`), never into anything else: Microsoft 365's host names
// (CUSTODIAN_DEVTENANT_HOSTS) resolve to this computer and their TLS connections go to the dev tenant's port
// (CUSTODIAN_DEVTENANT_PORT), so an unmodified client (CLI for Microsoft 365) talks to the dev tenant without any change
// to the machine's hosts file or trust store. Every other name resolves and connects as usual.
import dns from 'node:dns';
import tls from 'node:tls';

const hosts = new Set(
  (process.env.CUSTODIAN_DEVTENANT_HOSTS ?? '')
    .split(',')
    .filter(Boolean)
    .map((h) => h.toLowerCase())
);
const port = Number(process.env.CUSTODIAN_DEVTENANT_PORT);

if (hosts.size > 0 && Number.isInteger(port) && port > 0) {
  const mapped = (host) => typeof host === 'string' && hosts.has(host.toLowerCase());

  const lookup = dns.lookup;
  dns.lookup = function (host, options, callback) {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' || options === undefined ? {} : typeof options === 'number' ? { family: options } : options;
    if (!mapped(host)) return lookup.call(this, host, options, callback);
    process.nextTick(() => (opts.all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
    return undefined;
  };

  // The host itself resolves through the lookup above; only the port changes (the client dials 443).
  const connect = tls.connect;
  tls.connect = function (...args) {
    const options = args.find((a) => a !== null && typeof a === 'object' && !Array.isArray(a));
    if (options && (mapped(options.servername) || mapped(options.host))) options.port = port;
    return connect.apply(this, args);
  };
}
