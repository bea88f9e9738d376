-- The staff work queue (/staff/tasks): a read model of the open staff tasks, kept in step with the
-- engine by task listeners in the same transaction (cn.ola.staff.WorkQueueRecorder). One row per task
-- and per person or group that may see it in the queue ("user:<id>" for the assignee, "group:<id>" for
-- each candidate group), so that a viewer's first page is read along one index in due-date order,
-- whatever the number of open cases. Filled for the tasks open before this version at the next start.
CREATE TABLE work_queue (
    viewer              VARCHAR(320)  NOT NULL,
    task_id             VARCHAR(64)   NOT NULL,
    -- Due time in epoch milliseconds; tasks without a due date sort last.
    due_order           BIGINT        NOT NULL,
    due_at              TIMESTAMP     NULL,
    created_at          TIMESTAMP     NOT NULL,
    task_key            VARCHAR(255)  NOT NULL,
    task_name           VARCHAR(255)  NOT NULL,
    stage               VARCHAR(40)   NULL,
    application_number  VARCHAR(32)   NULL,
    company_name        VARCHAR(255)  NULL,
    assignee            VARCHAR(255)  NULL,
    process_instance_id VARCHAR(64)   NOT NULL,
    -- Keyed by task first: the viewer's reads and counts then go along the narrow indexes below, not
    -- along the table itself (InnoDB keeps the rows in the primary key).
    PRIMARY KEY (task_id, viewer)
);
CREATE INDEX ix_work_queue_due ON work_queue (viewer, due_order, task_id);
CREATE INDEX ix_work_queue_task_key ON work_queue (viewer, task_key, due_order, task_id);
CREATE INDEX ix_work_queue_stage ON work_queue (viewer, stage, due_order, task_id);
CREATE INDEX ix_work_queue_number ON work_queue (application_number);
