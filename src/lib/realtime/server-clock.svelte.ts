/** The server's clock as this tab sees it: offset from each snapshot or heartbeat, ticking every 30 s. */
export class ServerClock {
	#clock = $state(Date.now());
	/** Not rendered on its own: it only moves together with #clock. */
	#offset = 0;
	#lastUpdateAt = $state<number | null>(null);

	/** Drives the age of each card. */
	get now(): number {
		return this.#clock + this.#offset;
	}
	/** When the board last heard from the server (the indicator's «actualizado hace…»). */
	get lastUpdateAt(): number | null {
		return this.#lastUpdateAt;
	}

	sync(serverTime: string): void {
		const t = Date.parse(serverTime);
		if (Number.isFinite(t)) this.#offset = t - Date.now();
		this.#clock = Date.now();
		this.heard();
	}

	heard(): void {
		this.#lastUpdateAt = Date.now();
	}

	tick(): void {
		this.#clock = Date.now();
	}
}
