/**
 * The popup's view of the page's automatic highlights: quotations grouped by speaker, officials
 * with their roles, and the switches (quotations, officials, never on this site).
 */
import { useEffect, useState } from 'preact/hooks';
import { siteOf } from '@/src/core/url';
import { sendToTab } from '@/src/messaging/client';
import type { AutoSummary } from '@/src/messaging/protocol';
import { DEFAULT_AUTO_SETTINGS, loadAutoSettings, saveAutoSettings, type AutoSettings } from '@/src/settings/auto-highlights';

type Load = { state: 'loading' } | { state: 'none'; reason: string } | { state: 'ready'; summary: AutoSummary };

/** Quotations grouped by speaker, the most quoted first; unattributed ones last. */
export function groupBySpeaker(quotes: AutoSummary['quotes']): { speaker: string | null; quotes: string[] }[] {
  const groups = new Map<string | null, string[]>();
  for (const q of quotes) groups.set(q.speaker, [...(groups.get(q.speaker) ?? []), q.text]);
  return [...groups]
    .map(([speaker, texts]) => ({ speaker, quotes: texts }))
    .sort((a, b) => (a.speaker === null ? 1 : b.speaker === null ? -1 : b.quotes.length - a.quotes.length));
}

export function PageDetections({ tabId, url }: { tabId?: number; url: string }) {
  // What the page's content script found.
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // The reader's switches, as stored.
  const [settings, setSettings] = useState<AutoSettings>(DEFAULT_AUTO_SETTINGS);
  // Bumped after a switch changes, to ask the page again.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    void loadAutoSettings().then(setSettings);
  }, []);

  useEffect(() => {
    if (tabId === undefined) return setLoad({ state: 'none', reason: 'Open an article in a tab to see its quotations and officials.' });
    void sendToTab(tabId, 'detections.get', {}).then((reply) =>
      setLoad(reply.ok ? { state: 'ready', summary: reply.value } : { state: 'none', reason: 'This page has not been read yet (reload it).' }),
    );
  }, [tabId, version]);

  const site = siteOf(url);
  const siteDisabled = settings.disabledSites.includes(site);
  const update = async (next: AutoSettings) => {
    setSettings(next);
    await saveAutoSettings(next);
    setVersion((v) => v + 1);
  };

  return (
    <section class="detections" aria-labelledby="auto-title">
      <h2 id="auto-title">Quotations and officials</h2>
      <div class="switches" role="group" aria-label="Automatic highlights">
        <label>
          <input type="checkbox" name="auto-quotes" checked={settings.quotes} onChange={(e) => void update({ ...settings, quotes: e.currentTarget.checked })} />
          Quotations
        </label>
        <label>
          <input
            type="checkbox"
            name="auto-officials"
            checked={settings.officials}
            onChange={(e) => void update({ ...settings, officials: e.currentTarget.checked })}
          />
          Officials
        </label>
        {site && (
          <label>
            <input
              type="checkbox"
              name="auto-never-site"
              checked={siteDisabled}
              onChange={(e) =>
                void update({
                  ...settings,
                  disabledSites: e.currentTarget.checked
                    ? [...settings.disabledSites, site]
                    : settings.disabledSites.filter((s) => s !== site),
                })
              }
            />
            Never on {site}
          </label>
        )}
      </div>
      <Summary load={load} />
    </section>
  );
}

function Summary({ load }: { load: Load }) {
  if (load.state === 'loading') return <p class="empty">Reading the page…</p>;
  if (load.state === 'none') return <p class="empty">{load.reason}</p>;
  const { summary } = load;
  if (summary.siteDisabled) return <p class="empty">Automatic highlights are off on this site.</p>;
  if (!summary.article) return <p class="empty">This page does not look like an article, so nothing is highlighted.</p>;
  const groups = groupBySpeaker(summary.quotes);
  return (
    <>
      {summary.officials.length > 0 && (
        <ul class="officials" aria-label="Officials named on this page">
          {summary.officials.map((o) => (
            <li key={o.name} class="official">
              <strong>{o.name}</strong>, <span class="role">{o.role}</span>{' '}
              <span class="count">
                ({o.mentions} mention{o.mentions === 1 ? '' : 's'})
              </span>
            </li>
          ))}
        </ul>
      )}
      {groups.length > 0 ? (
        <ul class="speakers" aria-label="Quotations by speaker">
          {groups.map((g) => (
            <li key={g.speaker ?? '?'} class="speaker-group">
              <p class="speaker">{g.speaker ?? 'Speaker not identified'}</p>
              <ul class="quotes">
                {g.quotes.map((q, i) => (
                  <li key={i} class="quote">
                    <q>{q}</q>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">No quotations found.</p>
      )}
    </>
  );
}
