// Stands in for the `proxy-agent` package in the CLI's bundle (scripts/bundle.js). puppeteer's
// browser download code (`@puppeteer/browsers`' install, used by `puppeteer.trimCache`) imports it,
// and with it a proxy stack of 1.4 MB (a PAC interpreter compiled to WebAssembly, FTP and SOCKS
// clients) that every build read and compiled. rapporteur never downloads a browser through
// puppeteer (it launches the one it resolved, src/print/browser.ts), so this is never constructed;
// if it ever were, it says so instead of failing somewhere unclear.
export class ProxyAgent {
  constructor() {
    throw new Error('rapporteur does not download browsers through puppeteer (proxy-agent is left out of its bundle, scripts/bundle.js)')
  }
}
