/// <reference lib="dom" />
/**
 * The script of the programme-logic page. It runs in the webview, not in the extension:
 * `logicPage` is put into the page as its source text (`logicPage.toString()`), so it must
 * not use anything from outside its own body. Written as code (not as a string) so that
 * the compiler checks it and no escape in a template literal can change it on the way.
 */

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

export interface LogicPageInit {
    /** Titles by ID, for the nodes' tooltips and accessible names. */
    readonly titles: Readonly<Record<string, string>>;
    readonly labels: {
        readonly zoom: string;
        readonly open: string;
    };
}

/** Smallest and largest zoom; the default keeps the 12 px text of the drawing readable. */
export const ZOOM = { min: 0.25, max: 4, readableMin: 0.9, readableMax: 1.25 } as const;

export function logicPage(init: LogicPageInit, zoom: typeof ZOOM): void {
    const api = acquireVsCodeApi();
    const figure = document.getElementById('figure') as HTMLDivElement;
    const zoomLabel = document.getElementById('zoom-level') as HTMLSpanElement;
    interface ViewState { scale?: number; fit?: boolean; left?: number; top?: number }
    const saved = (api.getState() ?? {}) as ViewState;
    let scale = typeof saved.scale === 'number' ? saved.scale : 0;
    /** Following the panel's width (until the user zooms). */
    let fit = saved.fit ?? scale === 0;
    let titles: Record<string, string> = { ...init.titles };

    const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
    const svg = (): SVGSVGElement | null => figure.querySelector('svg');
    function natural(): { width: number; height: number } {
        const element = svg();
        const box = element?.viewBox.baseVal;
        return { width: box && box.width ? box.width : Number(element?.getAttribute('width')) || 1, height: box && box.height ? box.height : Number(element?.getAttribute('height')) || 1 };
    }
    function widthScale(): number {
        return (figure.clientWidth - 24) / natural().width;
    }
    function save(): void {
        api.setState({ scale, fit, left: figure.scrollLeft, top: figure.scrollTop } satisfies ViewState);
    }
    function apply(): void {
        const element = svg();
        if (!element) return;
        const size = natural();
        element.setAttribute('width', String(Math.round(size.width * scale)));
        element.setAttribute('height', String(Math.round(size.height * scale)));
        element.style.maxWidth = 'none';
        zoomLabel.textContent = `${Math.round(scale * 100)} %`;
        save();
    }
    /** Zooms keeping the point under (x, y) (client coordinates) in place. */
    function zoomTo(next: number, x = figure.clientWidth / 2, y = figure.clientHeight / 2): void {
        const target = clamp(next, zoom.min, zoom.max);
        const rect = figure.getBoundingClientRect();
        const px = x - rect.left, py = y - rect.top;
        const cx = (figure.scrollLeft + px) / scale, cy = (figure.scrollTop + py) / scale;
        scale = target;
        fit = false;
        apply();
        figure.scrollLeft = cx * scale - px;
        figure.scrollTop = cy * scale - py;
        save();
    }
    function fitWidth(): void {
        scale = clamp(widthScale(), zoom.min, zoom.max);
        fit = true;
        apply();
        figure.scrollLeft = 0;
    }
    /** The first view: the panel's width, but never text too small to read (then pan) or blown up. */
    function initialScale(): number {
        return clamp(widthScale(), zoom.readableMin, zoom.readableMax);
    }
    function open(id: string | null | undefined): void {
        if (id) api.postMessage({ type: 'open', id });
    }
    /** Nodes and assumptions (`<g data-id>`): focusable, named, with a tooltip. */
    function decorate(): void {
        for (const node of Array.from(figure.querySelectorAll<SVGGElement>('svg [data-id]'))) {
            const id = node.getAttribute('data-id') ?? '';
            const title = titles[id];
            node.setAttribute('tabindex', '0');
            node.setAttribute('role', 'button');
            node.setAttribute('aria-label', `${init.labels.open}: ${id}${title ? ` — ${title}` : ''}`);
            node.classList.add('node');
            if (!node.querySelector(':scope > title')) {
                const tooltip = document.createElementNS('http://www.w3.org/2000/svg', 'title');
                tooltip.textContent = title ? `${id} — ${title}` : id;
                node.insertBefore(tooltip, node.firstChild);
            }
        }
    }
    function setUp(first: boolean): void {
        decorate();
        if (!svg()) return;
        if (scale === 0) scale = initialScale();
        else if (fit && first) scale = clamp(widthScale(), zoom.min, zoom.max);
        apply();
        if (first) {
            figure.scrollLeft = saved.left ?? 0;
            figure.scrollTop = saved.top ?? 0;
        }
    }

    // Clicks navigate; a drag pans (and then does not navigate).
    let drag: { x: number; y: number; left: number; top: number; moved: boolean; pointer: number } | undefined;
    let suppressClick = false;
    figure.addEventListener('pointerdown', event => {
        if (event.button !== 0) return;
        drag = { x: event.clientX, y: event.clientY, left: figure.scrollLeft, top: figure.scrollTop, moved: false, pointer: event.pointerId };
    });
    figure.addEventListener('pointermove', event => {
        if (!drag || event.pointerId !== drag.pointer) return;
        const dx = event.clientX - drag.x, dy = event.clientY - drag.y;
        if (!drag.moved && Math.hypot(dx, dy) < 5) return;
        if (!drag.moved) {
            drag.moved = true;
            figure.classList.add('panning');
            figure.setPointerCapture(event.pointerId);
        }
        figure.scrollLeft = drag.left - dx;
        figure.scrollTop = drag.top - dy;
    });
    const endDrag = (event: PointerEvent) => {
        if (!drag || event.pointerId !== drag.pointer) return;
        suppressClick = drag.moved;
        if (drag.moved) figure.releasePointerCapture(event.pointerId);
        figure.classList.remove('panning');
        drag = undefined;
        save();
    };
    // A click on a node does not give the page the focus: the editor it opens keeps it
    // (the webview reported its focus after the editor had taken it).
    figure.addEventListener('mousedown', event => {
        if ((event.target as Element | null)?.closest('[data-id]')) event.preventDefault();
    });
    figure.addEventListener('pointerup', endDrag);
    figure.addEventListener('pointercancel', endDrag);
    figure.addEventListener('click', event => {
        if (suppressClick) { suppressClick = false; return; }
        const target = event.target as Element | null;
        open(target?.closest('[data-id]')?.getAttribute('data-id'));
    });
    figure.addEventListener('keydown', event => {
        const target = event.target as Element | null;
        if ((event.key === 'Enter' || event.key === ' ') && target?.closest('[data-id]')) {
            event.preventDefault();
            open(target.closest('[data-id]')!.getAttribute('data-id'));
        }
    });
    figure.addEventListener('wheel', event => {
        if (!event.ctrlKey && !event.metaKey) return;
        event.preventDefault();
        zoomTo(scale * Math.exp(-event.deltaY * 0.0015), event.clientX, event.clientY);
    }, { passive: false });
    figure.addEventListener('scroll', () => { if (!drag) save(); });
    document.addEventListener('keydown', event => {
        if (event.target instanceof HTMLInputElement) return;
        if (event.key === '+' || event.key === '=') zoomTo(scale * 1.25);
        else if (event.key === '-') zoomTo(scale / 1.25);
        else if (event.key === '0') zoomTo(1);
    });
    window.addEventListener('resize', () => { if (fit) fitWidth(); });

    const button = (id: string, action: () => void) => document.getElementById(id)?.addEventListener('click', action);
    button('zoom-in', () => zoomTo(scale * 1.25));
    button('zoom-out', () => zoomTo(scale / 1.25));
    button('zoom-reset', () => zoomTo(1));
    button('zoom-fit', fitWidth);
    button('export-svg', () => api.postMessage({ type: 'export', format: 'svg' }));
    button('export-png', () => { void exportPng(); });

    /** The drawing at twice its size as PNG, drawn by the browser: no native module needed. */
    async function exportPng(): Promise<void> {
        const element = svg();
        if (!element) return;
        const size = natural();
        const copy = element.cloneNode(true) as SVGSVGElement;
        copy.setAttribute('width', String(size.width));
        copy.setAttribute('height', String(size.height));
        copy.removeAttribute('style');
        for (const title of Array.from(copy.querySelectorAll('title'))) title.remove();
        const text = new XMLSerializer().serializeToString(copy);
        const image = new Image();
        image.decoding = 'sync';
        const loaded = new Promise<void>((resolve, reject) => { image.onload = () => resolve(); image.onerror = () => reject(new Error('the drawing could not be rasterised')); });
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
        try {
            await loaded;
            const factor = 2;
            const canvas = document.createElement('canvas');
            canvas.width = Math.round(size.width * factor);
            canvas.height = Math.round(size.height * factor);
            const context = canvas.getContext('2d')!;
            context.fillStyle = '#ffffff';
            context.fillRect(0, 0, canvas.width, canvas.height);
            context.drawImage(image, 0, 0, canvas.width, canvas.height);
            const url = canvas.toDataURL('image/png');
            api.postMessage({ type: 'png', data: url.slice(url.indexOf(',') + 1) });
        } catch (err) {
            api.postMessage({ type: 'png', error: err instanceof Error ? err.message : String(err) });
        }
    }

    window.addEventListener('message', event => {
        const message = event.data as { type?: string; svg?: string; titles?: Record<string, string> };
        if (message?.type !== 'update' || typeof message.svg !== 'string') return;
        const left = figure.scrollLeft, top = figure.scrollTop;
        if (message.titles) titles = { ...message.titles };
        figure.innerHTML = message.svg;
        setUp(false);
        figure.scrollLeft = left;
        figure.scrollTop = top;
    });

    setUp(true);
    api.postMessage({ type: 'ready' });
}
