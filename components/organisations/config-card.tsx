import Link from "next/link";
import { Card, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { StoredConfig } from "@/lib/sync/config-store";
import { describeConfig } from "@/lib/sync/config-words";

export function ConfigCard({
  organisationId,
  config,
}: {
  organisationId: string;
  config: StoredConfig | null;
}) {
  return (
    <Card className="space-y-3">
      <CardTitle>Sync config</CardTitle>
      {config ? (
        <>
          <p className="text-sm" data-testid="config-version">
            Version {config.version}, saved {formatDateTime(config.createdAt)}
          </p>
          <dl className="space-y-2 text-sm">
            {describeConfig(config.config).map((section) => (
              <div key={section.question}>
                <dt className="font-medium">
                  {section.question}. {section.title}
                </dt>
                {section.lines.map((line) => (
                  <dd key={line} className="text-muted-foreground">
                    {line}
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </>
      ) : (
        <p className="text-sm text-muted-foreground">
          No sync config yet: answer the six onboarding questions.
        </p>
      )}
      <Link
        href={`/organisations/${organisationId}/configure`}
        className="inline-block text-sm text-brand underline"
      >
        {config ? "Change the answers" : "Answer the six questions"}
      </Link>
    </Card>
  );
}
