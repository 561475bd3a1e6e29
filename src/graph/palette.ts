/** The graph's colours, light and dark (Tailwind's slate, emerald, sky, violet, amber). */
export interface Palette {
  readonly text: string;
  readonly muted: string;
  readonly hostBg: string;
  readonly hostBorder: string;
  readonly boxBg: string;
  readonly boxBorder: string;
  readonly manualBg: string;
  readonly manualBorder: string;
  readonly stoppedBg: string;
  readonly stoppedBorder: string;
  readonly stoppedText: string;
  readonly bridge: string;
  readonly bridgeText: string;
  readonly veth: string;
  readonly ether: string;
  readonly port: string;
  readonly link: string;
  readonly dns: string;
  readonly outsideBg: string;
  readonly glow: string;
  readonly selected: string;
  readonly hop: string;
  readonly dropped: string;
  readonly packet: string;
  readonly labelBg: string;
}

export const LIGHT: Palette = {
  text: '#0f172a',
  muted: '#475569',
  hostBg: '#f8fafc',
  hostBorder: '#64748b',
  boxBg: '#ecfdf5',
  boxBorder: '#059669',
  manualBg: '#f5f3ff',
  manualBorder: '#7c3aed',
  stoppedBg: '#f1f5f9',
  stoppedBorder: '#94a3b8',
  stoppedText: '#64748b',
  bridge: '#0284c7',
  bridgeText: '#ffffff',
  veth: '#7c3aed',
  ether: '#334155',
  port: '#d97706',
  link: '#ea580c',
  dns: '#0d9488',
  outsideBg: '#e2e8f0',
  glow: '#facc15',
  selected: '#2563eb',
  hop: '#2563eb',
  dropped: '#dc2626',
  packet: '#e11d48',
  labelBg: '#ffffff',
};

export const DARK: Palette = {
  text: '#e2e8f0',
  muted: '#94a3b8',
  hostBg: '#0f172a',
  hostBorder: '#64748b',
  boxBg: '#052e2b',
  boxBorder: '#34d399',
  manualBg: '#1e1b4b',
  manualBorder: '#a78bfa',
  stoppedBg: '#1e293b',
  stoppedBorder: '#475569',
  stoppedText: '#94a3b8',
  bridge: '#0369a1',
  bridgeText: '#f0f9ff',
  veth: '#a78bfa',
  ether: '#cbd5e1',
  port: '#fbbf24',
  link: '#fb923c',
  dns: '#2dd4bf',
  outsideBg: '#1e293b',
  glow: '#facc15',
  selected: '#60a5fa',
  hop: '#38bdf8',
  dropped: '#f87171',
  packet: '#fb7185',
  labelBg: '#020617',
};
