import { useMemo, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "urql";
import { Empty, ErrorBox, Field, Loading, PageHeader } from "../components/ui";
import { graphql } from "../gql";
import type { GroupBy, Scope } from "../gql/graphql";
import { RANGES, bars, fillBuckets, forecastText, insightTitle, rangeFor, type RangeKey } from "../lib/analytics";
import { formatMs, formatPercent, modeLabel } from "../lib/format";

const AnalyticsQuery = graphql(`
  query UsageAnalytics($range: DateRangeInput!, $granularity: Granularity!, $groupBy: GroupBy!, $scope: Scope!) {
    me {
      id
      role
    }
    usageAnalytics(range: $range, granularity: $granularity, groupBy: $groupBy, scope: $scope) {
      scope
      totals {
        generations
        imagesRequested
        imagesDelivered
        creditsSpent
        creditsRefunded
        successRate
        p50ProcessingMs
        p95ProcessingMs
      }
      series {
        start
        totals {
          creditsSpent
          imagesDelivered
        }
      }
      groups {
        key
        totals {
          generations
          imagesDelivered
          creditsSpent
          successRate
        }
      }
      failures {
        category
        images
      }
      forecast {
        dailyBurn
        balance
        runsOutOn
        runsOutEarly
        runsOutLate
      }
      insights {
        kind
        subject
        message
        breakdown {
          label
          count
        }
      }
      providers {
        provider
        calls
        failedCalls
        errorRate
        p50LatencyMs
        p95LatencyMs
      }
    }
    projects(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

type Metric = "creditsSpent" | "imagesDelivered";

export function AnalyticsScreen() {
  const [rangeKey, setRangeKey] = useState<RangeKey>("30d");
  const [groupBy, setGroupBy] = useState<GroupBy>("MODE");
  const [metric, setMetric] = useState<Metric>("creditsSpent");
  const [scope, setScope] = useState<Scope>("MINE");
  const range = useMemo(() => rangeFor(rangeKey), [rangeKey]);
  const granularity = RANGES.find((r) => r.key === rangeKey)?.granularity ?? "DAY";
  const [result, refetch] = useQuery({ query: AnalyticsQuery, variables: { range, granularity, groupBy, scope }, requestPolicy: "network-only" });
  const data = result.data?.usageAnalytics;
  const isAdmin = result.data?.me.role === "ADMIN";
  const projectNames = new Map(result.data?.projects.edges.map((e) => [e.node.id, e.node.name]) ?? []);
  const groupName = (key: string | null | undefined) => {
    if (!key) return groupBy === "PRESET" ? "No preset" : "No project";
    if (groupBy === "MODE") return modeLabel(key);
    if (groupBy === "PROJECT") return projectNames.get(key) ?? "A deleted project";
    return key;
  };

  return (
    <section>
      <PageHeader title="Usage analytics" />
      <div className="toolbar">
        <Field label="Range">
          {(props) => (
            <select {...props} value={rangeKey} onChange={(e) => setRangeKey(e.target.value as RangeKey)}>
              {RANGES.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Chart">
          {(props) => (
            <select {...props} value={metric} onChange={(e) => setMetric(e.target.value as Metric)}>
              <option value="creditsSpent">Credits spent</option>
              <option value="imagesDelivered">Images delivered</option>
            </select>
          )}
        </Field>
        {isAdmin && (
          <Field label="Whose usage">
            {(props) => (
              <select {...props} value={scope} onChange={(e) => setScope(e.target.value as Scope)} data-testid="scope">
                <option value="MINE">Mine</option>
                <option value="ALL">Everyone (administrators)</option>
              </select>
            )}
          </Field>
        )}
        <Field label="Group by">
          {(props) => (
            <select {...props} value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
              <option value="MODE">Mode</option>
              <option value="PROJECT">Project</option>
              <option value="PRESET">Preset</option>
            </select>
          )}
        </Field>
      </div>
      {result.fetching && !data && <Loading what="Adding up your usage" />}
      <ErrorBox error={result.error} retry={() => refetch({ requestPolicy: "network-only" })} />
      {data && (
        <>
          <p className="forecast" data-testid="forecast">
            {forecastText(data.forecast)}
          </p>
          <dl className="facts totals" data-testid="totals">
            <div>
              <dt>Generations</dt>
              <dd data-testid="total-generations">{data.totals.generations}</dd>
            </div>
            <div>
              <dt>Images delivered</dt>
              <dd data-testid="total-delivered">{data.totals.imagesDelivered}</dd>
            </div>
            <div>
              <dt>Credits spent</dt>
              <dd data-testid="total-spent">{data.totals.creditsSpent}</dd>
            </div>
            <div>
              <dt>Credits refunded</dt>
              <dd>{data.totals.creditsRefunded}</dd>
            </div>
            <div>
              <dt>Success rate</dt>
              <dd>{formatPercent(data.totals.successRate)}</dd>
            </div>
            <div>
              <dt>Median / p95 time</dt>
              <dd>
                {formatMs(data.totals.p50ProcessingMs)} / {formatMs(data.totals.p95ProcessingMs)}
              </dd>
            </div>
          </dl>
          {data.totals.generations === 0 ? (
            <Empty>
              <p>
                No usage in this range. <Link to="/generate">Generate something</Link> and it shows up here.
              </p>
            </Empty>
          ) : (
            <BarChart
              title={metric === "creditsSpent" ? "Credits spent" : "Images delivered"}
              data={bars(
                fillBuckets(
                  data.series.map((b) => ({ start: b.start, value: b.totals[metric] })),
                  range,
                  granularity,
                ),
                granularity,
              )}
            />
          )}
          {data.groups.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>By {groupBy.toLowerCase()}</caption>
                <thead>
                  <tr>
                    <th scope="col">{groupBy === "MODE" ? "Mode" : groupBy === "PROJECT" ? "Project" : "Preset"}</th>
                    <th scope="col">Generations</th>
                    <th scope="col">Delivered</th>
                    <th scope="col">Credits</th>
                    <th scope="col">Success</th>
                  </tr>
                </thead>
                <tbody>
                  {data.groups.map((g) => (
                    <tr key={g.key ?? "none"}>
                      <th scope="row">{groupBy === "PRESET" && g.key ? <Link to={`/presets/${g.key}`}>{groupName(g.key)}</Link> : groupName(g.key)}</th>
                      <td>{g.totals.generations}</td>
                      <td>{g.totals.imagesDelivered}</td>
                      <td>{g.totals.creditsSpent}</td>
                      <td>{formatPercent(g.totals.successRate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>Insights</h2>
          {data.insights.length === 0 ? (
            <p data-testid="no-insights">Nothing to change in this range: no preset, mode, refusal or tier stands out.</p>
          ) : (
            <ul className="plain insights" data-testid="insights">
              {data.insights.map((insight) => (
                <li key={insight.kind + (insight.subject ?? "")} data-testid={`insight-${insight.kind}`}>
                  <strong>{insightTitle(insight.kind)}</strong> {insight.message}
                  {insight.breakdown.length > 0 && (
                    <ul>
                      {insight.breakdown.map((b) => (
                        <li key={b.label}>
                          {b.label}: {b.count}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          {data.providers && data.providers.length > 0 && (
            <div className="table-wrap" data-testid="providers">
              <table>
                <caption>Providers (everyone)</caption>
                <thead>
                  <tr>
                    <th scope="col">Provider</th>
                    <th scope="col">Calls</th>
                    <th scope="col">Failed</th>
                    <th scope="col">Error rate</th>
                    <th scope="col">Median / p95</th>
                  </tr>
                </thead>
                <tbody>
                  {data.providers.map((p) => (
                    <tr key={p.provider}>
                      <th scope="row">{p.provider}</th>
                      <td>{p.calls}</td>
                      <td>{p.failedCalls}</td>
                      <td>{formatPercent(p.errorRate)}</td>
                      <td>
                        {formatMs(p.p50LatencyMs)} / {formatMs(p.p95LatencyMs)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.failures.length > 0 && (
            <>
              <h2>Not delivered</h2>
              <ul className="plain">
                {data.failures.map((f) => (
                  <li key={f.category ?? "unknown"}>
                    {f.category ?? "Unknown"}: {f.images}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** An SVG bar chart with a table alternative for screen readers. */
function BarChart({ title, data }: { title: string; data: ReturnType<typeof bars> }) {
  const width = 100 / Math.max(1, data.length);
  const max = Math.max(0, ...data.map((d) => d.value));
  return (
    <figure className="chart" data-testid="chart">
      <figcaption>
        {title} (highest {max})
      </figcaption>
      <svg viewBox="0 0 100 50" preserveAspectRatio="none" role="img" aria-label={`${title} per period`}>
        {data.map((d, i) => (
          <rect key={d.label + i} x={i * width + width * 0.1} width={width * 0.8} y={50 - d.height * 48} height={Math.max(d.height * 48, d.value > 0 ? 0.5 : 0)}>
            <title>
              {d.label}: {d.value}
            </title>
          </rect>
        ))}
      </svg>
      <div className="chart-labels" aria-hidden="true">
        <span>{data[0]?.label}</span>
        <span>{data[data.length - 1]?.label}</span>
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.label + i}>
              <th scope="row">{d.label}</th>
              <td>{d.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
