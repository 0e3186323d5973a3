-- Long work (an allotment's approval, later imports and big reports) runs as a job: one row each, with its state and
-- progress, claimed by one instance at a time (SELECT ... FOR UPDATE SKIP LOCKED). A running job's instance refreshes
-- heartbeat_at; a RUNNING job whose heartbeat is old belonged to an instance that died, and is claimed again.
-- active_key is set while a job is QUEUED or RUNNING (e.g. "shares.allotment:42") and cleared when it ends: its unique
-- key lets only one job at a time work on one thing.

CREATE TABLE job (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    society_id         BIGINT NOT NULL,
    kind               VARCHAR(60) NOT NULL,
    title              VARCHAR(300) NOT NULL,
    params             TEXT NOT NULL,
    visible_to         VARCHAR(200) NOT NULL,
    active_key         VARCHAR(200) NULL,
    state              VARCHAR(10) NOT NULL,
    progress_done      BIGINT NOT NULL DEFAULT 0,
    progress_total     BIGINT NOT NULL DEFAULT 0,
    message            VARCHAR(1000) NULL,
    result_page        VARCHAR(500) NULL,
    result_api         VARCHAR(500) NULL,
    incident           VARCHAR(40) NULL,
    attempts           INT NOT NULL DEFAULT 0,
    requested_by       BIGINT NULL,
    requested_by_name  VARCHAR(200) NOT NULL,
    claimed_by         VARCHAR(100) NULL,
    heartbeat_at       DATETIME(6) NULL,
    created_at         DATETIME(6) NOT NULL,
    started_at         DATETIME(6) NULL,
    finished_at        DATETIME(6) NULL,
    CONSTRAINT fk_job_society FOREIGN KEY (society_id) REFERENCES society (id),
    CONSTRAINT fk_job_account FOREIGN KEY (requested_by) REFERENCES account (id),
    CONSTRAINT uq_job_active UNIQUE (active_key),
    CONSTRAINT ck_job_state CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    CONSTRAINT ck_job_active CHECK ((state IN ('QUEUED', 'RUNNING')) = (active_key IS NOT NULL)),
    CONSTRAINT ck_job_progress CHECK (progress_done >= 0 AND progress_total >= 0 AND progress_done <= progress_total)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE INDEX ix_job_due ON job (state, heartbeat_at);
