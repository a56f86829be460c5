-- 0001_orleans.sql
--
-- Schema and stored queries for the Orleans ADO.NET providers on PostgreSQL:
-- clustering (membership), grain persistence and reminders.
--
-- Source: the dotnet/orleans ADO.NET scripts (src/AdoNet/Shared/PostgreSQL-Main.sql,
-- Orleans.Clustering.AdoNet/PostgreSQL-Clustering.sql + Migrations/PostgreSQL-Clustering-AtomicWrites.sql,
-- Orleans.Persistence.AdoNet/PostgreSQL-Persistence.sql + Migrations/PostgreSQL-Persistence-3.6.0.sql,
-- Orleans.Reminders.AdoNet/PostgreSQL-Reminders.sql + Migrations/PostgreSQL-Reminders-3.6.0.sql),
-- adapted to what the Orleans 10.4.2 provider assemblies actually send and read:
--   * persistence: binary payload only (no PayloadJson/PayloadXml columns or parameters);
--     WriteToStorageKey takes exactly the nine parameters the provider binds;
--   * clustering: no MetadataJson (newer than 10.4.2); atomic-write routines and the optional
--     CleanupDefunctSiloEntryKey query that 10.4.2 uses when present;
--   * reminders: no cron/priority columns (upstream's Reminders-10.0.0 migration targets a
--     newer provider: 10.4.2 binds only ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash).
--
-- Time columns are timestamptz: the providers bind every DateTime with DbType.DateTime and a
-- UTC value, which Npgsql 10 sends as timestamptz (it rejects non-UTC kinds), and read them
-- back as Kind=Utc. With "timestamp" the plpgsql functions below would not resolve (no implicit
-- timestamptz -> timestamp cast) and plain columns would shift by the session TimeZone.
--
-- Run once, inside the migration runner's transaction: no BEGIN/COMMIT here.

-- ---------------------------------------------------------------------------
-- Stored query catalogue. The providers read every query they issue from here.
-- ---------------------------------------------------------------------------
CREATE TABLE orleansquery
(
    querykey  varchar(64)   NOT NULL,
    querytext varchar(8000) NOT NULL,

    CONSTRAINT orleansquery_key PRIMARY KEY (querykey)
);

-- ===========================================================================
-- (1) Clustering / membership
-- ===========================================================================

-- One version row per deployment (cluster id); bumped on every membership change.
CREATE TABLE orleansmembershipversiontable
(
    deploymentid varchar(150)   NOT NULL,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleansmembershipversiontable_deploymentid PRIMARY KEY (deploymentid)
);

-- One row per silo instance.
CREATE TABLE orleansmembershiptable
(
    deploymentid varchar(150)   NOT NULL,
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer        NULL,
    suspecttimes varchar(8000)  NULL,
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,

    CONSTRAINT pk_membershiptable_deploymentid PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT fk_membershiptable_membershipversiontable_deploymentid
        FOREIGN KEY (deploymentid) REFERENCES orleansmembershipversiontable (deploymentid)
);

CREATE FUNCTION update_i_am_alive_time(
    deployment_id   orleansmembershiptable.deploymentid%TYPE,
    address_arg     orleansmembershiptable.address%TYPE,
    port_arg        orleansmembershiptable.port%TYPE,
    generation_arg  orleansmembershiptable.generation%TYPE,
    i_am_alive_time orleansmembershiptable.iamalivetime%TYPE)
  RETURNS void AS
$func$
BEGIN
    -- Never expected to fail; the result is not checked. Never moves the time backwards.
    UPDATE orleansmembershiptable AS d
    SET
        iamalivetime = GREATEST(d.iamalivetime, i_am_alive_time)
    WHERE
        d.deploymentid = deployment_id AND deployment_id IS NOT NULL
        AND d.address = address_arg AND address_arg IS NOT NULL
        AND d.port = port_arg AND port_arg IS NOT NULL
        AND d.generation = generation_arg AND generation_arg IS NOT NULL;
END
$func$ LANGUAGE plpgsql;

CREATE FUNCTION insert_membership_version(
    deploymentidarg orleansmembershiptable.deploymentid%TYPE)
  RETURNS TABLE(row_count integer) AS
$func$
DECLARE
    rowcountvar int := 0;
BEGIN
    BEGIN
        INSERT INTO orleansmembershipversiontable (deploymentid)
        SELECT deploymentidarg
        ON CONFLICT (deploymentid) DO NOTHING;

        GET DIAGNOSTICS rowcountvar = ROW_COUNT;

        IF rowcountvar = 0 THEN
            RAISE EXCEPTION 'no rows affected, rollback' USING ERRCODE = 'assert_failure';
        END IF;

        RETURN QUERY SELECT rowcountvar;
    EXCEPTION
    WHEN assert_failure THEN
        RETURN QUERY SELECT rowcountvar;
    END;
END
$func$ LANGUAGE plpgsql;

-- Bumps the table version (optimistic check on versionarg) and inserts the silo row
-- atomically; returns 1 on success, 0 otherwise (the inner block's savepoint undoes the bump).
CREATE FUNCTION insert_membership(
    deploymentidarg orleansmembershiptable.deploymentid%TYPE,
    addressarg      orleansmembershiptable.address%TYPE,
    portarg         orleansmembershiptable.port%TYPE,
    generationarg   orleansmembershiptable.generation%TYPE,
    silonamearg     orleansmembershiptable.siloname%TYPE,
    hostnamearg     orleansmembershiptable.hostname%TYPE,
    statusarg       orleansmembershiptable.status%TYPE,
    proxyportarg    orleansmembershiptable.proxyport%TYPE,
    starttimearg    orleansmembershiptable.starttime%TYPE,
    iamalivetimearg orleansmembershiptable.iamalivetime%TYPE,
    versionarg      orleansmembershipversiontable.version%TYPE)
  RETURNS TABLE(row_count integer) AS
$func$
DECLARE
    rowcountvar int := 0;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable
        SET
            timestamp = now(),
            version = version + 1
        WHERE
            deploymentid = deploymentidarg AND deploymentidarg IS NOT NULL
            AND version = versionarg AND versionarg IS NOT NULL AND version < 2147483647;

        GET DIAGNOSTICS rowcountvar = ROW_COUNT;

        INSERT INTO orleansmembershiptable
        (
            deploymentid, address, port, generation, siloname, hostname,
            status, proxyport, starttime, iamalivetime
        )
        SELECT
            deploymentidarg, addressarg, portarg, generationarg, silonamearg, hostnamearg,
            statusarg, proxyportarg, starttimearg, iamalivetimearg
        WHERE rowcountvar > 0
        ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;

        GET DIAGNOSTICS rowcountvar = ROW_COUNT;

        IF rowcountvar = 0 THEN
            RAISE EXCEPTION 'no rows affected, rollback' USING ERRCODE = 'assert_failure';
        END IF;

        RETURN QUERY SELECT rowcountvar;
    EXCEPTION
    WHEN assert_failure THEN
        RETURN QUERY SELECT rowcountvar;
    END;
END
$func$ LANGUAGE plpgsql;

CREATE FUNCTION update_membership(
    deploymentidarg orleansmembershiptable.deploymentid%TYPE,
    addressarg      orleansmembershiptable.address%TYPE,
    portarg         orleansmembershiptable.port%TYPE,
    generationarg   orleansmembershiptable.generation%TYPE,
    statusarg       orleansmembershiptable.status%TYPE,
    suspecttimesarg orleansmembershiptable.suspecttimes%TYPE,
    iamalivetimearg orleansmembershiptable.iamalivetime%TYPE,
    versionarg      orleansmembershipversiontable.version%TYPE)
  RETURNS TABLE(row_count integer) AS
$func$
DECLARE
    rowcountvar int := 0;
BEGIN
    BEGIN
        UPDATE orleansmembershipversiontable
        SET
            timestamp = now(),
            version = version + 1
        WHERE
            deploymentid = deploymentidarg AND deploymentidarg IS NOT NULL
            AND version = versionarg AND versionarg IS NOT NULL AND version < 2147483647;

        GET DIAGNOSTICS rowcountvar = ROW_COUNT;

        UPDATE orleansmembershiptable
        SET
            status = statusarg,
            suspecttimes = suspecttimesarg,
            iamalivetime = GREATEST(iamalivetime, iamalivetimearg)
        WHERE
            deploymentid = deploymentidarg AND deploymentidarg IS NOT NULL
            AND address = addressarg AND addressarg IS NOT NULL
            AND port = portarg AND portarg IS NOT NULL
            AND generation = generationarg AND generationarg IS NOT NULL
            AND rowcountvar > 0;

        GET DIAGNOSTICS rowcountvar = ROW_COUNT;

        IF rowcountvar = 0 THEN
            RAISE EXCEPTION 'no rows affected, rollback' USING ERRCODE = 'assert_failure';
        END IF;

        RETURN QUERY SELECT rowcountvar;
    EXCEPTION
    WHEN assert_failure THEN
        RETURN QUERY SELECT rowcountvar;
    END;
END
$func$ LANGUAGE plpgsql;

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'UpdateIAmAlivetimeKey', $q$
    SELECT * FROM update_i_am_alive_time(
        @DeploymentId,
        @Address,
        @Port,
        @Generation,
        @IAmAliveTime
    );
$q$),
(
    'InsertMembershipVersionKey', $q$
    SELECT * FROM insert_membership_version(
        @DeploymentId
    );
$q$),
(
    'InsertMembershipKey', $q$
    SELECT * FROM insert_membership(
        @DeploymentId,
        @Address,
        @Port,
        @Generation,
        @SiloName,
        @HostName,
        @Status,
        @ProxyPort,
        @StartTime,
        @IAmAliveTime,
        @Version
    );
$q$),
(
    'UpdateMembershipKey', $q$
    SELECT * FROM update_membership(
        @DeploymentId,
        @Address,
        @Port,
        @Generation,
        @Status,
        @SuspectTimes,
        @IAmAliveTime,
        @Version
    );
$q$),
(
    -- LEFT JOIN: the version row is returned even when the silo row does not exist.
    'MembershipReadRowKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM
        orleansmembershipversiontable v
        LEFT OUTER JOIN orleansmembershiptable m ON v.deploymentid = m.deploymentid
        AND m.address = @Address AND @Address IS NOT NULL
        AND m.port = @Port AND @Port IS NOT NULL
        AND m.generation = @Generation AND @Generation IS NOT NULL
    WHERE
        v.deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$),
(
    'MembershipReadAllKey', $q$
    SELECT
        v.deploymentid,
        m.address,
        m.port,
        m.generation,
        m.siloname,
        m.hostname,
        m.status,
        m.proxyport,
        m.suspecttimes,
        m.starttime,
        m.iamalivetime,
        v.version
    FROM
        orleansmembershipversiontable v
        LEFT OUTER JOIN orleansmembershiptable m ON v.deploymentid = m.deploymentid
    WHERE
        v.deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$),
(
    'DeleteMembershipTableEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
    DELETE FROM orleansmembershipversiontable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL;
$q$),
(
    'GatewaysQueryKey', $q$
    SELECT
        address,
        proxyport,
        generation
    FROM
        orleansmembershiptable
    WHERE
        deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
        AND status = @Status AND @Status IS NOT NULL
        AND proxyport > 0;
$q$),
(
    -- Fallback bulk cleanup (used only when CleanupDefunctSiloEntryKey is absent).
    -- Status 6 = Dead.
    'CleanupDefunctSiloEntriesKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND @DeploymentId IS NOT NULL
        AND iamalivetime < @IAmAliveTime
        AND starttime < @IAmAliveTime
        AND COALESCE(suspecttimes, '') = ''
        AND status = 6;
$q$),
(
    -- Optional in 10.4.2: deletes one Dead row only if it still holds the values the
    -- provider read (captured-value pruning).
    'CleanupDefunctSiloEntryKey', $q$
    DELETE FROM orleansmembershiptable
    WHERE deploymentid = @DeploymentId AND status = 6
        AND address = @Address AND port = @Port AND generation = @Generation
        AND iamalivetime = @IAmAliveTime AND starttime = @StartTime
        AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$q$);

-- ===========================================================================
-- (2) Grain persistence (binary payload only)
-- ===========================================================================

CREATE TABLE orleansstorage
(
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidextensionstring varchar(512) NULL,
    serviceid              varchar(150) NOT NULL,
    payloadbinary          bytea        NULL,
    modifiedon             timestamptz  NOT NULL,  -- set by the database (now()), never bound by the provider
    version                integer      NULL
);

CREATE INDEX ix_orleansstorage
    ON orleansstorage USING btree (grainidhash, graintypehash);

-- Returns the new version on success. On a version conflict it returns the caller's
-- version unchanged (update path) or NULL (insert path, row already exists); the provider
-- turns either into an InconsistentStateException.
CREATE FUNCTION writetostorage(
    _grainidhash            integer,
    _grainidn0              bigint,
    _grainidn1              bigint,
    _graintypehash          integer,
    _graintypestring        varchar,
    _grainidextensionstring varchar,
    _serviceid              varchar,
    _grainstateversion      integer,
    _payloadbinary          bytea)
  RETURNS TABLE(newgrainstateversion integer)
  LANGUAGE plpgsql AS
$func$
DECLARE
    _newgrainstateversion integer := _grainstateversion;
    _rowcount integer := 0;
BEGIN
    IF _grainstateversion IS NOT NULL THEN
        -- State was read before: optimistic update on the version.
        UPDATE orleansstorage
        SET
            payloadbinary = _payloadbinary,
            modifiedon = now(),
            version = version + 1
        WHERE
            grainidhash = _grainidhash AND _grainidhash IS NOT NULL
            AND graintypehash = _graintypehash AND _graintypehash IS NOT NULL
            AND grainidn0 = _grainidn0 AND _grainidn0 IS NOT NULL
            AND grainidn1 = _grainidn1 AND _grainidn1 IS NOT NULL
            AND graintypestring = _graintypestring AND _graintypestring IS NOT NULL
            AND ((_grainidextensionstring IS NOT NULL AND grainidextensionstring IS NOT NULL AND grainidextensionstring = _grainidextensionstring)
                 OR (_grainidextensionstring IS NULL AND grainidextensionstring IS NULL))
            AND serviceid = _serviceid AND _serviceid IS NOT NULL
            AND version IS NOT NULL AND version = _grainstateversion;

        GET DIAGNOSTICS _rowcount = ROW_COUNT;
        IF _rowcount > 0 THEN
            _newgrainstateversion := _grainstateversion + 1;
        END IF;
    ELSE
        -- First write. The table has no unique key (the extension string is nullable), so
        -- serialise concurrent first writes of the same grain (split brain) with a
        -- transaction-scoped advisory lock; the NOT EXISTS then sees a committed rival row.
        PERFORM pg_advisory_xact_lock(_grainidhash, _graintypehash);

        INSERT INTO orleansstorage
        (
            grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
            grainidextensionstring, serviceid, payloadbinary, modifiedon, version
        )
        SELECT
            _grainidhash, _grainidn0, _grainidn1, _graintypehash, _graintypestring,
            _grainidextensionstring, _serviceid, _payloadbinary, now(), 1
        WHERE NOT EXISTS
        (
            SELECT 1
            FROM orleansstorage
            WHERE
                grainidhash = _grainidhash AND _grainidhash IS NOT NULL
                AND graintypehash = _graintypehash AND _graintypehash IS NOT NULL
                AND grainidn0 = _grainidn0 AND _grainidn0 IS NOT NULL
                AND grainidn1 = _grainidn1 AND _grainidn1 IS NOT NULL
                AND graintypestring = _graintypestring AND _graintypestring IS NOT NULL
                AND ((_grainidextensionstring IS NOT NULL AND grainidextensionstring IS NOT NULL AND grainidextensionstring = _grainidextensionstring)
                     OR (_grainidextensionstring IS NULL AND grainidextensionstring IS NULL))
                AND serviceid = _serviceid AND _serviceid IS NOT NULL
        );

        GET DIAGNOSTICS _rowcount = ROW_COUNT;
        IF _rowcount > 0 THEN
            _newgrainstateversion := 1;
        END IF;
    END IF;

    RETURN QUERY SELECT _newgrainstateversion;
END
$func$;

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    -- Exactly the nine parameters AdoNetGrainStorage.WriteStateAsync binds in 10.4.2.
    'WriteToStorageKey', $q$
    SELECT * FROM writetostorage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary);
$q$),
(
    -- The provider reads PayloadBinary (NULL = no record) and Version (the ETag).
    'ReadFromStorageKey', $q$
    SELECT
        payloadbinary,
        version
    FROM
        orleansstorage
    WHERE
        grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
        AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND grainidextensionstring IS NOT NULL AND grainidextensionstring = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
        AND serviceid = @ServiceId AND @ServiceId IS NOT NULL;
$q$),
(
    -- Keeps the row (payload NULL) and bumps the version; no row returned on a conflict.
    'ClearStorageKey', $q$
    UPDATE orleansstorage
    SET
        payloadbinary = NULL,
        modifiedon = now(),
        version = version + 1
    WHERE
        grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
        AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND grainidextensionstring IS NOT NULL AND grainidextensionstring = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
        AND serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND version IS NOT NULL AND version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING version AS newgrainstateversion;
$q$),
(
    -- Optional: used instead of ClearStorageKey when DeleteStateOnClear = true.
    -- Returns a value different from the caller's version on success, no row on a conflict.
    'DeleteStorageKey', $q$
    DELETE FROM orleansstorage
    WHERE
        grainidhash = @GrainIdHash AND @GrainIdHash IS NOT NULL
        AND graintypehash = @GrainTypeHash AND @GrainTypeHash IS NOT NULL
        AND grainidn0 = @GrainIdN0 AND @GrainIdN0 IS NOT NULL
        AND grainidn1 = @GrainIdN1 AND @GrainIdN1 IS NOT NULL
        AND graintypestring = @GrainTypeString AND @GrainTypeString IS NOT NULL
        AND ((@GrainIdExtensionString IS NOT NULL AND grainidextensionstring IS NOT NULL AND grainidextensionstring = @GrainIdExtensionString)
             OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
        AND serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND version IS NOT NULL AND version = @GrainStateVersion AND @GrainStateVersion IS NOT NULL
    RETURNING version + 1 AS newgrainstateversion;
$q$);

-- ===========================================================================
-- (3) Reminders
-- ===========================================================================

CREATE TABLE orleansreminderstable
(
    serviceid    varchar(150)   NOT NULL,
    grainid      varchar(150)   NOT NULL,
    remindername varchar(150)   NOT NULL,
    starttime    timestamptz(3) NOT NULL,
    period       bigint         NOT NULL,  -- milliseconds; the provider binds int or long
    grainhash    integer        NOT NULL,
    version      integer        NOT NULL,

    CONSTRAINT pk_reminderstable_serviceid_grainid_remindername PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE FUNCTION upsert_reminder_row(
    serviceidarg    orleansreminderstable.serviceid%TYPE,
    grainidarg      orleansreminderstable.grainid%TYPE,
    remindernamearg orleansreminderstable.remindername%TYPE,
    starttimearg    orleansreminderstable.starttime%TYPE,
    periodarg       orleansreminderstable.period%TYPE,
    grainhasharg    orleansreminderstable.grainhash%TYPE)
  RETURNS TABLE(version integer) AS
$func$
DECLARE
    versionvar int := 0;
BEGIN
    INSERT INTO orleansreminderstable
    (
        serviceid, grainid, remindername, starttime, period, grainhash, version
    )
    SELECT
        serviceidarg, grainidarg, remindernamearg, starttimearg, periodarg, grainhasharg, 0
    ON CONFLICT (serviceid, grainid, remindername)
        DO UPDATE SET
            starttime = excluded.starttime,
            period = excluded.period,
            grainhash = excluded.grainhash,
            version = orleansreminderstable.version + 1
    RETURNING
        orleansreminderstable.version INTO STRICT versionvar;

    RETURN QUERY SELECT versionvar;
END
$func$ LANGUAGE plpgsql;

CREATE FUNCTION delete_reminder_row(
    serviceidarg    orleansreminderstable.serviceid%TYPE,
    grainidarg      orleansreminderstable.grainid%TYPE,
    remindernamearg orleansreminderstable.remindername%TYPE,
    versionarg      orleansreminderstable.version%TYPE)
  RETURNS TABLE(row_count integer) AS
$func$
DECLARE
    rowcountvar int := 0;
BEGIN
    DELETE FROM orleansreminderstable
    WHERE
        serviceid = serviceidarg AND serviceidarg IS NOT NULL
        AND grainid = grainidarg AND grainidarg IS NOT NULL
        AND remindername = remindernamearg AND remindernamearg IS NOT NULL
        AND version = versionarg AND versionarg IS NOT NULL;

    GET DIAGNOSTICS rowcountvar = ROW_COUNT;

    RETURN QUERY SELECT rowcountvar;
END
$func$ LANGUAGE plpgsql;

INSERT INTO orleansquery (querykey, querytext) VALUES
(
    'UpsertReminderRowKey', $q$
    SELECT * FROM upsert_reminder_row(
        @ServiceId,
        @GrainId,
        @ReminderName,
        @StartTime,
        @Period::bigint,
        @GrainHash
    );
$q$),
(
    'ReadReminderRowsKey', $q$
    SELECT
        grainid,
        remindername,
        starttime,
        period,
        version
    FROM orleansreminderstable
    WHERE
        serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND grainid = @GrainId AND @GrainId IS NOT NULL;
$q$),
(
    'ReadReminderRowKey', $q$
    SELECT
        grainid,
        remindername,
        starttime,
        period,
        version
    FROM orleansreminderstable
    WHERE
        serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND grainid = @GrainId AND @GrainId IS NOT NULL
        AND remindername = @ReminderName AND @ReminderName IS NOT NULL;
$q$),
(
    -- Non-wrapping hash range (BeginHash < EndHash as signed ints).
    'ReadRangeRows1Key', $q$
    SELECT
        grainid,
        remindername,
        starttime,
        period,
        version
    FROM orleansreminderstable
    WHERE
        serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND grainhash > @BeginHash AND @BeginHash IS NOT NULL
        AND grainhash <= @EndHash AND @EndHash IS NOT NULL;
$q$),
(
    -- Wrapping hash range.
    'ReadRangeRows2Key', $q$
    SELECT
        grainid,
        remindername,
        starttime,
        period,
        version
    FROM orleansreminderstable
    WHERE
        serviceid = @ServiceId AND @ServiceId IS NOT NULL
        AND ((grainhash > @BeginHash AND @BeginHash IS NOT NULL)
             OR (grainhash <= @EndHash AND @EndHash IS NOT NULL));
$q$),
(
    'DeleteReminderRowKey', $q$
    SELECT * FROM delete_reminder_row(
        @ServiceId,
        @GrainId,
        @ReminderName,
        @Version
    );
$q$),
(
    'DeleteReminderRowsKey', $q$
    DELETE FROM orleansreminderstable
    WHERE
        serviceid = @ServiceId AND @ServiceId IS NOT NULL;
$q$);
