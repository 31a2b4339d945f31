"""The state machines of each family, one module per family: the only writers of statuses. Each
change stores AWS's first state and schedules what follows on the mock's clock (see
`ecsmock.scheduler`)."""
