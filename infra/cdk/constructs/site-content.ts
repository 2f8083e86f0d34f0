import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Policy } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import {
  BucketDeployment,
  CacheControl,
  Source,
  type ISource,
} from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { RuntimeConfig } from '@contract';
import { acknowledgeWildcards } from '../nag-acknowledgements';

export interface SiteContentProps {
  bucket: IBucket;
  distribution: IDistribution;
  /** The SPA's production build (`dist/`); absent, only `config.json` is deployed. */
  buildDir: string | undefined;
  /** Written as `/config.json`; values may be deploy-time tokens. */
  config: RuntimeConfig;
}

/** Vite's default `build.assetsDir`: content-hashed file names. */
const ASSETS_DIR = 'assets';

/**
 * What the site serves: the SPA's build and a `config.json` written from the stack's own
 * outputs, so one build serves every deployment. Hashed assets are cached for a year and
 * never pruned (an open tab may still load an older chunk); `index.html` and `config.json`
 * are revalidated on every load and invalidated on every deploy. Without a build (a fresh
 * clone's `synth`) only `config.json` is deployed, with a warning; `npm run deploy` builds first.
 */
export class SiteContent extends Construct {
  readonly hasBuild: boolean;

  constructor(scope: Construct, id: string, props: SiteContentProps) {
    super(scope, id);
    const { buildDir } = props;
    this.hasBuild = buildDir !== undefined && existsSync(join(buildDir, 'index.html'));
    if (!this.hasBuild) {
      Annotations.of(this).addWarningV2(
        'console:no-build',
        `No SPA build in ${buildDir ?? 'dist/'}: the site will serve only config.json. Run \`npm run deploy\`, which builds first.`,
      );
    }
    // The provider function's own log, which would otherwise be kept forever.
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    let assets: BucketDeployment | undefined;
    if (this.hasBuild && buildDir && existsSync(join(buildDir, ASSETS_DIR))) {
      assets = new BucketDeployment(this, 'Assets', {
        destinationBucket: props.bucket,
        destinationKeyPrefix: `${ASSETS_DIR}/`,
        sources: [Source.asset(join(buildDir, ASSETS_DIR))],
        cacheControl: [
          CacheControl.setPublic(),
          CacheControl.maxAge(Duration.days(365)),
          CacheControl.immutable(),
        ],
        prune: false,
        logGroup,
      });
    }

    const sources: ISource[] = [
      ...(this.hasBuild && buildDir
        ? [Source.asset(buildDir, { exclude: [ASSETS_DIR, 'config.json'] })]
        : []),
      Source.jsonData('config.json', props.config),
    ];
    const entry = new BucketDeployment(this, 'Entry', {
      destinationBucket: props.bucket,
      sources,
      cacheControl: [CacheControl.noCache()],
      // Prunes stale top-level files, never the assets the other deployment owns.
      prune: true,
      exclude: [`${ASSETS_DIR}/*`],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      logGroup,
    });
    // index.html names the new chunks, so it goes up only after they do.
    if (assets) entry.node.addDependency(assets);

    this.acknowledgeProvider(entry);
  }

  /**
   * CDK's BucketDeployment provider is one function for the stack, run only while deploying:
   * CDK writes its role (reading the CDK asset bucket, writing and pruning the site bucket,
   * invalidating the distribution) and picks its runtime.
   */
  private acknowledgeProvider(deployment: BucketDeployment): void {
    const role = deployment.handlerRole;
    const reason =
      "CDK's own BucketDeployment provider, run only during deployment: its role and runtime are CDK's. It reads CDK's asset bucket, copies and prunes the build in the site bucket, and invalidates the distribution (CDK grants the invalidation actions on *).";
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason,
    });
    const policy = role.node.tryFindChild('DefaultPolicy');
    if (policy instanceof Policy) acknowledgeWildcards(policy, policy.document, reason);
    const provider = role.node.scope;
    if (provider) Validations.of(provider).acknowledge({ id: 'AwsSolutions-L1', reason });
  }
}
