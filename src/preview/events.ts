import type {ServerResponse} from 'node:http'

/** One open page, listening on `/__rapporteur/events`. */
interface Client {
  response: ServerResponse
  /** The path of the page it was opened from (`/rapport.html`), so rebuilds can render it first. */
  page: string
}

/**
 * The Server-Sent Events of the preview: `reload` when the pages changed, `diagnostics` when only
 * the findings did. Each carries the whole state, so a page that missed one catches up on the next.
 */
export class EventHub {
  readonly #clients = new Set<Client>()

  /** Keep the response open as an event stream and send `initial` at once. */
  connect(response: ServerResponse, page: string, initial: unknown): void {
    response.writeHead(200, {'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive'})
    // When the server restarts, the page reconnects within half a second and reloads if it is stale.
    response.write('retry: 500\n\n')
    const client = {response, page}
    this.#clients.add(client)
    // The response closes when the page goes away (reload, tab closed) or the server stops.
    response.on('close', () => this.#clients.delete(client))
    this.#write(client, 'diagnostics', initial)
  }

  send(event: 'reload' | 'diagnostics', data: unknown): void {
    for (const client of this.#clients) this.#write(client, event, data)
  }

  /** The distinct pages open in a browser right now. */
  openPages(): string[] {
    return [...new Set([...this.#clients].map((client) => client.page))]
  }

  /** End every stream, so the server can close. */
  close(): void {
    for (const client of this.#clients) client.response.end()
    this.#clients.clear()
  }

  #write(client: Client, event: string, data: unknown): void {
    client.response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
}
