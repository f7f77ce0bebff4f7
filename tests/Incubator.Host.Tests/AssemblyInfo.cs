// Hangfire keeps process-wide state (its log provider, JobStorage.Current): hosts run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
