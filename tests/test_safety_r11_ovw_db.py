"""Round 11, databases: drops, truncates and unqualified deletes or updates through the less
common clients and spellings (mariadb, cqlsh, clickhouse, influx, cockroach, sqlcmd, duckdb,
cypher-shell, search and document stores over HTTP), restores that drop the live data first,
data and log files removed under a running server, and servers opened to the network or with
their passwords turned off; next to the reads, narrow writes, dry runs and offline modes that
look like them."""

from __future__ import annotations

import pytest

from tests.safety_table import HIGH, MODERATE, SAFE, RiskLevel, reaches, stays_within

DROPS_AND_WIPES = [
    ('mysql -uroot -p"$PW" -D shop --execute="DROP TABLE orders"', HIGH),
    ("mariadb -e 'DROP DATABASE wordpress'", HIGH),
    ('mysql --database=shop -e "truncate table orders"', HIGH),
    ("mysqladmin -uroot drop wordpress", HIGH),
    ("mysql -e 'DELETE FROM users WHERE 1' app", HIGH),
    ("mysql -e 'ALTER TABLE users DROP COLUMN password_hash' app", HIGH),
    ('psql -c "TRUNCATE TABLE audit_log RESTART IDENTITY"', HIGH),
    ("psql postgresql://u:p@prod.db:5432/app -c 'delete from users;'", HIGH),
    ('PGPASSWORD=x psql -h db -U app -c "DELETE FROM orders WHERE true"', HIGH),
    ("psql -c \"UPDATE users SET email = 'x@example.com'\"", HIGH),
    ("psql -c 'DROP TABLE IF EXISTS users CASCADE'", HIGH),
    ("psql -c 'DROP EXTENSION postgis CASCADE'", HIGH),
    ("psql -c 'ALTER TABLE users DROP COLUMN email'", HIGH),
    ("sqlite3 ~/.local/share/app/data.db 'DELETE FROM notes;'", HIGH),
    ("sqlite3 app.db <<< 'drop table users;'", HIGH),
    ("echo 'DROP TABLE users;' | sqlite3 app.db", HIGH),
    ("cqlsh -e 'DROP KEYSPACE analytics'", HIGH),
    ('cqlsh -e "TRUNCATE shop.orders"', HIGH),
    ("clickhouse-client --query 'DROP DATABASE logs'", HIGH),
    ('clickhouse-client -q "TRUNCATE TABLE events"', HIGH),
    ("cockroach sql -e 'DROP DATABASE bank CASCADE'", HIGH),
    ('sqlcmd -S localhost -Q "DROP DATABASE Sales"', HIGH),
    ('Invoke-Sqlcmd -Query "DROP TABLE dbo.Orders" -ServerInstance .', HIGH),
    ('duckdb analytics.duckdb "DROP TABLE events"', HIGH),
    ("cypher-shell 'MATCH (n) DETACH DELETE n'", HIGH),
    ("influx -execute 'DROP DATABASE telegraf'", HIGH),
    (
        "influx delete --bucket metrics --start 1970-01-01T00:00:00Z --stop 2030-01-01T00:00:00Z",
        HIGH,
    ),
    ("etcdctl del --prefix /", HIGH),
    ('etcdctl del "" --from-key=true', HIGH),
    ("ETCDCTL_API=3 etcdctl del /registry --prefix", HIGH),
    ("redis-cli -a secret flushall async", HIGH),
    ("redis-cli -n 2 FLUSHDB", HIGH),
    ("redis-cli --cluster call 10.0.0.1:6379 FLUSHALL", HIGH),
    ("echo FLUSHALL | redis-cli", HIGH),
    ("printf 'FLUSHALL\\r\\n' | nc localhost 6379", HIGH),
    ("redis-cli EVAL \"return redis.call('flushall')\" 0", HIGH),
    ("valkey-cli flushall", HIGH),
    ("keydb-cli FLUSHALL", HIGH),
    ("redis-cli REPLICAOF 10.9.9.9 6379", HIGH),
    ("redis-cli -h 10.0.0.5 CONFIG SET dbfilename authorized_keys", HIGH),
    ('mongosh "mongodb://prod:27017/shop" --eval "db.orders.drop()"', HIGH),
    ("mongosh --quiet --eval 'db.getSiblingDB(\"app\").dropDatabase()'", HIGH),
    ("mongosh app --eval 'db.users.remove({})'", HIGH),
    ("mongosh app --eval 'db.users.updateMany({}, {$set: {role: \"admin\"}})'", HIGH),
    ("curl -X DELETE http://es:9200/products", HIGH),
    (
        "curl -XPOST 'localhost:9200/logs/_delete_by_query' -H 'Content-Type: application/json'"
        ' -d \'{"query":{"match_all":{}}}\'',
        HIGH,
    ),
    ('curl -X DELETE "https://opensearch.local:9200/*"', HIGH),
    ("curl -X DELETE http://localhost:5984/mydb", HIGH),
    ("curl -X DELETE 'http://admin:pw@localhost:5984/_users'", HIGH),
    (
        "curl -X POST http://localhost:8086/query --data-urlencode 'q=DROP DATABASE telegraf'",
        HIGH,
    ),
    ("curl -X DELETE http://localhost:6333/collections/docs", HIGH),
    ("http DELETE :9200/logs", HIGH),
    ("wget --method=DELETE -qO- localhost:9200/users", HIGH),
]

RESTORES_AND_FILES = [
    ("mongorestore --drop --db app dump/app", HIGH),
    ("mongorestore --drop dump/", HIGH),
    ("pg_restore --clean -d production app.dump", HIGH),
    ("pg_restore -c --if-exists -d app latest.dump", HIGH),
    ('sqlite3 app.db ".restore empty.db"', HIGH),
    ("etcdctl snapshot restore backup.db --data-dir /var/lib/etcd", HIGH),
    ("pg_dropcluster --stop 14 main", HIGH),
    ("sudo pg_dropcluster 15 main --stop", HIGH),
    ("sudo -u postgres pg_resetwal -f /var/lib/postgresql/14/main", HIGH),
    ("sudo rm -rf /var/lib/mongodb", HIGH),
    ("sudo rm /var/lib/redis/dump.rdb", HIGH),
    ("rm -rf /var/lib/elasticsearch/nodes", HIGH),
    ("sudo rm -rf /var/lib/influxdb", HIGH),
    ("sudo rm -rf /var/lib/etcd/member", HIGH),
    ("sudo truncate -s 0 /var/lib/mysql/ib_logfile0", HIGH),
    ("sudo truncate -s0 /var/lib/mysql/ibdata1", HIGH),
    ("sudo rm -f /var/lib/mysql/ib_logfile*", HIGH),
    ("sudo rm -f /var/lib/postgresql/14/main/pg_wal/*", HIGH),
]

OPENED_UP = [
    ("mysqladmin -u root password ''", HIGH),
    ("mysql -e \"ALTER USER 'root'@'localhost' IDENTIFIED BY ''\"", HIGH),
    ("mysql -e \"GRANT ALL PRIVILEGES ON *.* TO 'app'@'%' WITH GRANT OPTION\"", HIGH),
    ("mysqld --skip-grant-tables --bind-address=0.0.0.0", HIGH),
    (
        "sudo sed -i 's/^bind-address.*/bind-address = 0.0.0.0/' "
        "/etc/mysql/mysql.conf.d/mysqld.cnf",
        HIGH,
    ),
    ("echo 'bind 0.0.0.0' | sudo tee -a /etc/redis/redis.conf", HIGH),
    ("docker run -d -p 6379:6379 redis --protected-mode no", HIGH),
    (
        "echo \"listen_addresses = '*'\" | sudo tee -a /var/lib/pgsql/data/postgresql.conf",
        HIGH,
    ),
    ("sudo sed -i 's/md5/trust/g' /etc/postgresql/15/main/pg_hba.conf", HIGH),
    ("sudo sed -i 's/scram-sha-256$/trust/' /var/lib/pgsql/data/pg_hba.conf", HIGH),
    ("mongod --bind_ip 0.0.0.0 --dbpath /data/db", HIGH),
    (
        "sudo sed -i 's/authorization: enabled/authorization: disabled/' /etc/mongod.conf",
        HIGH,
    ),
    (
        "curl -X PUT localhost:9200/_cluster/settings -H 'Content-Type: application/json' "
        '-d \'{"persistent":{"action.destructive_requires_name":false}}\'',
        HIGH,
    ),
]

EVERYDAY = [
    ("mysql -e \"SELECT COUNT(*) FROM orders WHERE status='new'\" shop", MODERATE),
    ("mariadb -e 'SHOW TABLES' wordpress", MODERATE),
    ("mysql -e \"SHOW GRANTS FOR 'app'@'%'\"", MODERATE),
    ("mysql -e \"CREATE USER 'app'@'localhost' IDENTIFIED BY 's3cret'\"", MODERATE),
    ("mysqldump --single-transaction --all-databases > all.sql", MODERATE),
    ("mysqlcheck --all-databases", MODERATE),
    ('psql -c "DELETE FROM users WHERE id = 42"', MODERATE),
    (
        "psql -c \"BEGIN; DELETE FROM carts WHERE updated_at < now() - interval '30 days';"
        ' COMMIT;"',
        MODERATE,
    ),
    ("psql -c 'EXPLAIN DELETE FROM orders'", MODERATE),
    ("psql -c 'SELECT * FROM pg_stat_activity'", MODERATE),
    ('psql -c "UPDATE users SET last_login = now() WHERE id = 7"', MODERATE),
    ("psql -c 'CREATE TABLE t (id int)'", MODERATE),
    ('psql -c "CREATE INDEX CONCURRENTLY idx_email ON users(email)"', MODERATE),
    ("psql -c 'VACUUM FULL'", MODERATE),
    ("psql -c 'REINDEX DATABASE app'", MODERATE),
    ("psql -c '\\l'", MODERATE),
    ("pg_dump -Fc app -f app.dump", MODERATE),
    ("pg_restore -l app.dump", MODERATE),
    ("pg_restore -d app_test app.dump", MODERATE),
    ("pg_restore --clean -f out.sql app.dump", MODERATE),
    ("mongorestore --dryRun --drop dump/", MODERATE),
    ("mongorestore --db app_copy dump/app", MODERATE),
    ("mongosh app --eval 'db.users.countDocuments({})'", MODERATE),
    ("mongosh --eval 'db.users.deleteOne({_id: ObjectId(\"65f0c0ffee\")})'", MODERATE),
    ("mongosh app --eval 'db.sessions.deleteMany({expires: {$lt: new Date()}})'", MODERATE),
    ("mongoexport --db app --collection users --out users.json", MODERATE),
    ("mongod --bind_ip 127.0.0.1 --auth --dbpath ./data", MODERATE),
    ("redis-cli --bigkeys", MODERATE),
    ("redis-cli DBSIZE", MODERATE),
    ("redis-cli CONFIG GET maxmemory", MODERATE),
    ("redis-cli -n 3 KEYS 'user:*'", MODERATE),
    ("redis-cli UNLINK cache:home", MODERATE),
    ("redis-cli BGSAVE", MODERATE),
    ("redis-server --bind 127.0.0.1 --port 6380", MODERATE),
    ("sqlite3 -readonly app.db 'SELECT count(*) FROM users'", MODERATE),
    ("sqlite3 app.db '.schema users'", MODERATE),
    ('sqlite3 app.db ".backup backup.db"', MODERATE),
    ("sqlite3 new.db < schema.sql", MODERATE),
    ("cqlsh -e 'DESCRIBE KEYSPACES'", MODERATE),
    ("clickhouse-client -q 'SELECT count() FROM events'", MODERATE),
    ("influx bucket list", MODERATE),
    ("etcdctl get / --prefix --keys-only", MODERATE),
    ("etcdctl del /app/config/feature_x", MODERATE),
    ("curl -s 'localhost:9200/_cat/health?v'", MODERATE),
    (
        "curl -X POST localhost:9200/logs/_search -H 'Content-Type: application/json'"
        ' -d \'{"query":{"match_all":{}}}\'',
        MODERATE,
    ),
    ("curl -X DELETE localhost:9200/logs/_doc/42", MODERATE),
    ("curl -X DELETE localhost:9200/_search/scroll/_all", MODERATE),
    ("curl http://localhost:5984/_all_dbs", MODERATE),
    ("cypher-shell 'MATCH (n) RETURN count(n)'", MODERATE),
    ('sqlcmd -S localhost -Q "SELECT name FROM sys.databases"', MODERATE),
    ("duckdb -c \"SELECT * FROM 'data.parquet' LIMIT 5\"", MODERATE),
    ("docker run -d -p 127.0.0.1:5432:5432 -e POSTGRES_PASSWORD=pw postgres", MODERATE),
    ("RAILS_ENV=test rails db:reset", MODERATE),
    ("python manage.py sqlflush", MODERATE),
    ("python manage.py migrate --plan", MODERATE),
    ("alembic downgrade base --sql", MODERATE),
    ('echo "DROP DATABASE x" > notes.txt', MODERATE),
    ("grep -n 'DROP TABLE' migrations/*.sql", SAFE),
    ("cat schema.sql | grep -i truncate", SAFE),
    ("git log -S 'DROP TABLE' --oneline", SAFE),
    ("psql --help", SAFE),
]

# Second batch, written after the first one passed: other spellings of the same losses
# (connection strings, -cmd, LIMIT without WHERE, USING, import with --drop), data folders of
# other servers, servers started in containers with their passwords off, and near misses that
# quote the dangerous words as data.
MORE_WIPES = [
    ("psql -c 'DROP DATABASE IF EXISTS \"app-prod\" WITH (FORCE)'", HIGH),
    ("psql -At -c 'drop schema analytics cascade;'", HIGH),
    ("psql -v ON_ERROR_STOP=1 <<'SQL'\nTRUNCATE events;\nSQL", HIGH),
    ("psql -c 'DELETE FROM users USING orgs'", HIGH),
    ('psql -c "DELETE FROM logs WHERE created_at < now() OR true"', HIGH),
    ("psql -c 'UPDATE users SET is_admin = true'", HIGH),
    ("psql \"host=prod dbname=app\" -c 'TRUNCATE payments'", HIGH),
    ("sudo -u postgres psql -c 'DROP ROLE app'", HIGH),
    ("dropdb --if-exists --force app", HIGH),
    ("mysql -NBe 'DROP TABLE IF EXISTS sessions, users' app", HIGH),
    ("mysql -e 'DROP DATABASE `shop-db`'", HIGH),
    ('mysql app -e "delete from users limit 1000000"', HIGH),
    ("mysql --execute 'TRUNCATE sessions' --database app", HIGH),
    ("mariadb-admin -f drop shop", HIGH),
    ("sqlite3 app.db 'DELETE FROM users WHERE 1=1;'", HIGH),
    ("sqlite3 -cmd 'DROP TABLE users' app.db .quit", HIGH),
    ("sqlite3 app.db \"UPDATE users SET password = 'x'\"", HIGH),
    ("litecli app.db -e 'DROP TABLE users'", HIGH),
    ("mycli -e 'DROP DATABASE shop'", HIGH),
    ("usql pg://localhost/app -c 'DROP TABLE users'", HIGH),
    ("mongosh --eval 'db.dropDatabase()' mongodb://prod/shop", HIGH),
    ("mongosh shop --eval 'db.orders.deleteMany({ })'", HIGH),
    ("mongosh --eval 'db.getCollectionNames().forEach(c => db[c].drop())' shop", HIGH),
    ("mongosh shop --eval 'db.users.updateMany({}, {$unset: {email: 1}})'", HIGH),
    ("mongosh admin --eval 'db.dropUser(\"app\")'", HIGH),
    ("mongorestore --uri mongodb://prod --drop --gzip --archive=dump.gz", HIGH),
    ("mongoimport --db app --collection users --drop --file users.json", HIGH),
    ("redis-cli -u redis://prod:6379 FLUSHALL", HIGH),
    ("redis-cli --pass x -n 0 flushdb", HIGH),
    ("redis-cli FLUSHALL SYNC", HIGH),
    ("redis-cli -h prod CONFIG SET appendonly no", HIGH),
    ("influx bucket delete -n metrics", HIGH),
    ("influx org delete --id 0123456789abcdef", HIGH),
    ("clickhouse client --query 'DROP TABLE events'", HIGH),
    ('clickhouse-client --multiquery -q "DROP DATABASE IF EXISTS logs"', HIGH),
    ('cqlsh 10.0.0.5 -e "DROP TABLE ks.users"', HIGH),
    ('cockroach sql --execute="TRUNCATE TABLE accounts CASCADE"', HIGH),
    ("rm -rf /var/lib/postgresql/14/main/*", HIGH),
    ("sudo find /var/lib/mysql -name '*.ibd' -delete", HIGH),
    ("sudo rm -rf /var/lib/cassandra/data", HIGH),
    ("sudo rm -rf /var/lib/neo4j/data/databases", HIGH),
    ("sudo rm -rf /var/lib/clickhouse", HIGH),
    ("sudo truncate -s 0 /var/lib/redis/appendonly.aof", HIGH),
    ("> /var/lib/mongodb/WiredTiger.wt", HIGH),
]

MORE_OPENED = [
    ("psql -c \"CREATE ROLE admin WITH LOGIN SUPERUSER PASSWORD 'x'\"", HIGH),
    ("mysql -e \"GRANT ALL ON *.* TO 'root'@'%' IDENTIFIED BY 'root'\"", HIGH),
    ("echo 'skip-grant-tables' | sudo tee -a /etc/mysql/my.cnf", HIGH),
    ("sudo sed -i 's/^requirepass .*/# requirepass/' /etc/redis/redis.conf", HIGH),
    ("sudo sed -i 's/^protected-mode yes/protected-mode no/' /etc/redis/redis.conf", HIGH),
    ("redis-server --protected-mode no", HIGH),
    ("docker run -d -p 27017:27017 mongo --bind_ip_all", HIGH),
    (
        "docker run -d -p 9200:9200 -e xpack.security.enabled=false elasticsearch:8.12.0",
        HIGH,
    ),
    ("docker run -d -e POSTGRES_HOST_AUTH_METHOD=trust -p 5432:5432 postgres", HIGH),
    ("docker run -d -e MYSQL_ALLOW_EMPTY_PASSWORD=yes -p 3306:3306 mysql", HIGH),
    ("docker run -d -e ALLOW_EMPTY_PASSWORD=yes -p 6379:6379 bitnami/redis", HIGH),
    (
        "echo 'xpack.security.enabled: false' | sudo tee -a /etc/elasticsearch/elasticsearch.yml",
        HIGH,
    ),
    ("echo 'network.host: 0.0.0.0' | sudo tee -a /etc/elasticsearch/elasticsearch.yml", HIGH),
    (
        "etcd --listen-client-urls http://0.0.0.0:2379 "
        "--advertise-client-urls http://10.0.0.5:2379",
        HIGH,
    ),
    ("mongod --bind_ip ::,0.0.0.0", HIGH),
]

MORE_EVERYDAY = [
    ("docker run -d -e POSTGRES_PASSWORD=secret -p 127.0.0.1:5432:5432 postgres:16", MODERATE),
    ("redis-server --bind 127.0.0.1 ::1 --protected-mode yes", MODERATE),
    ("mongod --bind_ip localhost --auth", MODERATE),
    (
        "etcd --listen-client-urls https://127.0.0.1:2379 "
        "--advertise-client-urls https://127.0.0.1:2379",
        MODERATE,
    ),
    (
        "sudo sed -i 's/^bind-address.*/bind-address = 127.0.0.1/' "
        "/etc/mysql/mysql.conf.d/mysqld.cnf",
        MODERATE,
    ),
    ('psql -c "DELETE FROM users WHERE id IN (1,2,3)"', MODERATE),
    ("psql -c \"UPDATE orders SET status='shipped' WHERE id=9 RETURNING *\"", MODERATE),
    ("psql -c \"SELECT pg_size_pretty(pg_database_size('app'))\"", MODERATE),
    ("psql -c \"SELECT 'DROP TABLE ' || tablename FROM pg_tables\"", MODERATE),
    ("psql -c \"COMMENT ON TABLE users IS 'drop me later'\"", MODERATE),
    ('psql -c "CREATE TABLE users_backup AS TABLE users"', MODERATE),
    ("psql -c \"SELECT * FROM audit WHERE action = 'TRUNCATE'\"", MODERATE),
    ("mysql -e \"SELECT * FROM logs WHERE msg LIKE '%drop table%'\"", MODERATE),
    ('mysql -e "SHOW CREATE TABLE users"', MODERATE),
    ('mysql -e "ALTER TABLE users ADD COLUMN age INT"', MODERATE),
    ('mysql -e "OPTIMIZE TABLE orders"', MODERATE),
    ('mysql -e "FLUSH PRIVILEGES"', MODERATE),
    ('mysql -e "FLUSH TABLES"', MODERATE),
    ("mysqladmin flush-logs", MODERATE),
    ("mariadb-admin ping", MODERATE),
    ("mariadb-dump --all-databases > all.sql", MODERATE),
    ("createdb -T template0 app_copy", MODERATE),
    ("pg_ctl -D /var/lib/pgsql/data stop -m fast", MODERATE),
    ("sqlite3 app.db \"DELETE FROM sessions WHERE expires < strftime('%s','now')\"", MODERATE),
    ("sqlite3 -cmd '.mode csv' app.db 'SELECT * FROM users'", MODERATE),
    ("litecli app.db -e 'SELECT 1'", MODERATE),
    ("mongosh shop --eval 'db.orders.find({status: \"drop\"}).limit(3)'", MODERATE),
    (
        "mongosh shop --eval 'db.orders.deleteMany({status: \"cancelled\"})'",
        MODERATE,
    ),
    ("mongosh --eval 'db.orders.createIndex({userId: 1})'", MODERATE),
    ("mongoimport --db app --collection users --mode upsert --file users.json", MODERATE),
    ("mongodump --uri mongodb://localhost/app --archive=app.gz --gzip", MODERATE),
    ("redis-cli -n 1 DEL session:abc", MODERATE),
    ("redis-cli --scan --pattern 'cache:*' | head -20", MODERATE),
    ("redis-cli CONFIG GET save", MODERATE),
    ("redis-cli LASTSAVE", MODERATE),
    ("valkey-cli PING", MODERATE),
    ("echo PING | nc localhost 6379", MODERATE),
    ("influx bucket create -n test", MODERATE),
    (
        "influx delete --bucket metrics --start 2024-01-01T00:00:00Z --stop "
        '2024-01-02T00:00:00Z --predicate \'_measurement="cpu" AND host="web1"\'',
        MODERATE,
    ),
    ("clickhouse client -q 'SHOW TABLES'", MODERATE),
    (
        "clickhouse-client -q \"ALTER TABLE events DELETE WHERE event_date < '2020-01-01'\"",
        MODERATE,
    ),
    ('cqlsh -e "SELECT * FROM ks.users LIMIT 10"', MODERATE),
    ("cockroach sql -e 'SHOW DATABASES'", MODERATE),
    ("etcdctl del /app/locks/job-1", MODERATE),
    (
        "curl -XPOST localhost:9200/logs/_delete_by_query -H 'Content-Type: application/json'"
        ' -d \'{"query":{"range":{"@timestamp":{"lt":"now-30d"}}}}\'',
        MODERATE,
    ),
    ("curl -X DELETE 'localhost:9200/_snapshot/backups/snap-2024.01.01'", MODERATE),
    ("curl -s localhost:8086/query --data-urlencode 'q=SHOW MEASUREMENTS' -G", MODERATE),
    ("http GET :9200/_cat/indices", MODERATE),
    ("http DELETE :9200/logs/_doc/1", MODERATE),
    (
        "cypher-shell 'MATCH (n:Session) WHERE n.expires < datetime() DETACH DELETE n'",
        MODERATE,
    ),
    ("cypher-shell 'SHOW DATABASES'", MODERATE),
    ("pg_resetwal -n /var/lib/postgresql/14/main", MODERATE),
    ("pg_restore --list app.dump", MODERATE),
]

DROPS_AND_WIPES += MORE_WIPES
OPENED_UP += MORE_OPENED
EVERYDAY += MORE_EVERYDAY

# Third batch: drop-everything idioms (generated DROP statements piped back in, a loop over
# SHOW TABLES), other deletes spelt as Mongo commands, more HTTP stores (Consul, etcd v2,
# Solr, Meilisearch), schema tools that drop everything (flyway clean, liquibase dropAll,
# migrate drop), and more servers' settings that turn their log-in off.
THIRD_WIPES = [
    ("psql <<'SQL'\nDO $$ BEGIN EXECUTE 'DROP TABLE ' || 'users'; END $$;\nSQL", HIGH),
    ("psql -c 'DELETE FROM ONLY users'", HIGH),
    ("psql -c 'TRUNCATE ONLY users'", HIGH),
    ('psql -c "WITH d AS (DELETE FROM users RETURNING *) SELECT count(*) FROM d"', HIGH),
    ("psql -d postgres -c 'DROP DATABASE \"my-app\";'", HIGH),
    ('psql <<< "drop database app"', HIGH),
    (
        "psql -qtAX -c \"select 'drop table ' || tablename || ';' from pg_tables "
        "where schemaname='public'\" | psql",
        HIGH,
    ),
    (
        "mysql -Nse 'show tables' app | while read t; do mysql -e \"drop table $t\" app; done",
        HIGH,
    ),
    ("mysql -Nse 'show tables' app | xargs -I{} mysql app -e 'TRUNCATE {}'", HIGH),
    ("mysql app < <(echo 'DROP TABLE users')", HIGH),
    ("sqlite3 app.db < <(echo 'DELETE FROM users;')", HIGH),
    ('redis-cli --no-auth-warning -a "$REDIS_PW" -h cache.internal FLUSHALL', HIGH),
    ("redis-cli -c -h node1 FLUSHALL", HIGH),
    ("redis-cli --tls -h r FLUSHDB ASYNC", HIGH),
    ("redis-cli KEYS '*' | xargs -n 100 redis-cli UNLINK", HIGH),
    ("redis-cli --scan | xargs -L 1000 redis-cli unlink", HIGH),
    (
        "mongosh \"mongodb+srv://cluster0.example.net/shop\" --eval 'db.orders.deleteMany({})'",
        HIGH,
    ),
    ("mongosh shop --eval 'db.orders.bulkWrite([{deleteMany: {filter: {}}}])'", HIGH),
    ("mongosh shop --eval 'db.runCommand({drop: \"orders\"})'", HIGH),
    ("mongosh shop --eval 'db.runCommand({dropDatabase: 1})'", HIGH),
    ('cqlsh -e "DROP KEYSPACE IF EXISTS analytics"', HIGH),
    ('clickhouse-client --query="DROP TABLE IF EXISTS events SYNC"', HIGH),
    ('clickhouse-client -q "ALTER TABLE events DELETE WHERE 1"', HIGH),
    ('clickhouse-client -q "TRUNCATE TABLE IF EXISTS events ON CLUSTER main"', HIGH),
    ("influx -database telegraf -execute 'DELETE FROM cpu'", HIGH),
    ("influx -execute 'DROP MEASUREMENT cpu' -database telegraf", HIGH),
    ("influx -execute 'DROP SERIES FROM /.*/' -database telegraf", HIGH),
    (
        "curl -XPOST 'http://localhost:8086/query?db=telegraf' "
        "--data-urlencode 'q=DELETE FROM cpu'",
        HIGH,
    ),
    ("curl -G 'http://localhost:8086/query' --data-urlencode 'q=DROP SERIES FROM cpu'", HIGH),
    ("curl -X POST 'localhost:9200/_all/_delete_by_query?q=*'", HIGH),
    ("curl -X DELETE 'localhost:9200/_data_stream/logs-*'", HIGH),
    ("curl -X POST 'http://localhost:8123/' --data-binary 'DROP DATABASE logs'", HIGH),
    ('curl -X DELETE "http://localhost:8500/v1/kv/?recurse"', HIGH),
    ("curl -X DELETE 'http://127.0.0.1:2379/v2/keys/?recursive=true'", HIGH),
    (
        "curl 'http://localhost:8983/solr/core/update?commit=true' -H 'Content-Type: text/xml'"
        " -d '<delete><query>*:*</query></delete>'",
        HIGH,
    ),
    ("curl -X DELETE 'http://localhost:7700/indexes/movies/documents'", HIGH),
    ("heroku pg:reset DATABASE --confirm my-app", HIGH),
    ("npx prisma db push --accept-data-loss", HIGH),
    ("python manage.py migrate shop zero", HIGH),
    ("bin/rails db:truncate_all", HIGH),
    ("rails db:seed:replant", HIGH),
    ("mix ecto.rollback --all", HIGH),
    ("dotnet ef database update 0", HIGH),
    ("flyway clean", HIGH),
    ("liquibase dropAll", HIGH),
    ("goose reset", HIGH),
    ('migrate -path db/migrations -database "$DATABASE_URL" drop -f', HIGH),
    ('atlas schema clean -u "$DATABASE_URL" --auto-approve', HIGH),
]

THIRD_OPENED = [
    ("memcached -l 0.0.0.0 -p 11211 -U 11211 -d", HIGH),
    ("redis-server --bind 0.0.0.0", HIGH),
    ("docker run -d --network host -e POSTGRES_HOST_AUTH_METHOD=trust postgres", HIGH),
    ("docker run -d -p 0.0.0.0:6379:6379 redis --protected-mode no", HIGH),
    ("podman run -d -p 6379:6379 redis --protected-mode no", HIGH),
    (
        "echo '<clickhouse><listen_host>::</listen_host></clickhouse>' | sudo tee "
        "/etc/clickhouse-server/config.d/listen.xml",
        HIGH,
    ),
    (
        "sudo sed -i 's/^  authorization: enabled/#  authorization: enabled/' /etc/mongod.conf",
        HIGH,
    ),
    (
        "sudo sed -i 's/auth-enabled = true/auth-enabled = false/' /etc/influxdb/influxdb.conf",
        HIGH,
    ),
    (
        "sudo sed -i 's/^authenticator: PasswordAuthenticator/authenticator: "
        "AllowAllAuthenticator/' /etc/cassandra/cassandra.yaml",
        HIGH,
    ),
    ("echo 'dbms.security.auth_enabled=false' | sudo tee -a /etc/neo4j/neo4j.conf", HIGH),
]

THIRD_EVERYDAY = [
    ("psql -c 'ALTER TABLE users RENAME COLUMN email TO email_old'", MODERATE),
    ('cqlsh --execute="DELETE FROM ks.users WHERE id = 1"', MODERATE),
    ('clickhouse-client -q "OPTIMIZE TABLE events FINAL"', MODERATE),
    ("influx -execute 'SHOW MEASUREMENTS' -database telegraf", MODERATE),
    ('influx -execute "DELETE FROM cpu WHERE time < now() - 90d" -database telegraf', MODERATE),
    ("redis-cli SCRIPT FLUSH", MODERATE),
    ("redis-cli CLIENT KILL TYPE normal", MODERATE),
    ("mongosh shop --eval 'db.orders.findOneAndDelete({_id: 1})'", MODERATE),
    ("mongosh shop --eval 'db.orders.renameCollection(\"orders_old\")'", MODERATE),
    ("mongosh shop --eval 'db.orders.replaceOne({_id: 1}, {x: 1})'", MODERATE),
    ("curl -XDELETE localhost:9200/_index_template/logs", MODERATE),
    ("curl -X POST localhost:9200/logs/_close", MODERATE),
    ("curl -X DELETE 'http://admin:pw@localhost:5984/shop/doc1?rev=1-abc'", MODERATE),
    ("curl -X DELETE http://localhost:8500/v1/kv/app/config/flag", MODERATE),
    ("python manage.py migrate shop zero --plan", MODERATE),
    ("flyway info", MODERATE),
    ("liquibase status", MODERATE),
    ('migrate -path db/migrations -database "$DATABASE_URL" up', MODERATE),
    ("memcached -l 127.0.0.1 -d", MODERATE),
    ("redis-server --requirepass ''", MODERATE),  # protected mode still keeps others out
    ("echo 'bind 127.0.0.1 ::1' | sudo tee -a /etc/redis/redis.conf", MODERATE),
    ("echo 'requirepass s3cr3t' | sudo tee -a /etc/redis/redis.conf", MODERATE),
    (
        "sudo sed -i 's/^# requirepass foobared/requirepass s3cret/' /etc/redis/redis.conf",
        MODERATE,
    ),
    ("echo 'dbms.security.auth_enabled=true' | sudo tee -a /etc/neo4j/neo4j.conf", MODERATE),
    (
        "echo 'xpack.security.enabled: true' | sudo tee -a /etc/elasticsearch/elasticsearch.yml",
        MODERATE,
    ),
    ("grep -n skip-grant-tables /etc/mysql/my.cnf", SAFE),
]

DROPS_AND_WIPES += THIRD_WIPES
OPENED_UP += THIRD_OPENED
EVERYDAY += THIRD_EVERYDAY

# Fourth batch, mostly near misses: deletes and updates narrowed by a real condition, schema
# tools moving forward or one step back, reads over HTTP that mention dangerous words; and a
# few losses spelt in Lua or by revoking root's rights.
FOURTH_WIPES = [
    ("mongosh app --eval 'db.users.deleteMany({email: {$regex: \".*\"}})'", HIGH),
    (
        "redis-cli EVAL \"for _,k in ipairs(redis.call('keys','*')) do redis.call('del',k) end\" 0",
        HIGH,
    ),
    ("mysql -e \"REVOKE ALL PRIVILEGES ON *.* FROM 'root'@'localhost'\"", HIGH),
]

FOURTH_EVERYDAY = [
    (
        'psql -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity '
        "WHERE datname='app' AND pid <> pg_backend_pid()\"",
        MODERATE,
    ),
    ('psql -c "DELETE FROM django_session WHERE expire_date < now()"', MODERATE),
    ('psql -c "UPDATE users SET email = lower(email) WHERE email <> lower(email)"', MODERATE),
    ("psql -c \"DELETE FROM events WHERE created_at < now() - interval '90 days'\"", MODERATE),
    ('psql -c "REVOKE CONNECT ON DATABASE app FROM PUBLIC"', MODERATE),
    ('psql -c "ALTER DATABASE app RENAME TO app_old"', MODERATE),
    ('mysql -e "DELETE FROM sessions WHERE last_seen < NOW() - INTERVAL 1 DAY" app', MODERATE),
    ('mysql -e "SHOW PROCESSLIST"', MODERATE),
    ('mysql -e "KILL 1234"', MODERATE),
    ("mysqldump --no-data app > schema.sql", MODERATE),
    ("mysql app < schema.sql", MODERATE),
    ('sqlite3 app.db "PRAGMA integrity_check"', MODERATE),
    ('sqlite3 app.db ".import data.csv users"', MODERATE),
    ("redis-cli --rdb dump.rdb", MODERATE),
    ("redis-cli MONITOR | head -100", MODERATE),
    ("redis-cli XTRIM mystream MAXLEN 1000", MODERATE),
    ("mongosh --eval 'db.adminCommand({listDatabases: 1})'", MODERATE),
    ("mongosh app --eval 'db.users.updateOne({_id: 1}, {$set: {name: \"x\"}})'", MODERATE),
    (
        "mongosh app --eval 'db.logs.deleteMany({ts: {$lt: new Date(Date.now() - 864e5*30)}})'",
        MODERATE,
    ),
    (
        "curl -X PUT localhost:9200/logs-2024.06 -H 'Content-Type: application/json' -d '{}'",
        MODERATE,
    ),
    (
        "curl -X POST localhost:9200/logs/_doc -H 'Content-Type: application/json' "
        '-d \'{"msg":"drop table"}\'',
        MODERATE,
    ),
    ("curl -s 'localhost:9200/_cat/indices?v&s=index'", MODERATE),
    ("curl -G localhost:8123 --data-urlencode 'query=SELECT count() FROM events'", MODERATE),
    ("curl localhost:8123 --data-binary 'SELECT 1'", MODERATE),
    ('curl -X DELETE localhost:9200/_search/scroll -d \'{"scroll_id":"abc"}\'', MODERATE),
    ("etcdctl del /app/leader", MODERATE),
    ("etcdctl --endpoints=https://10.0.0.1:2379 endpoint status", MODERATE),
    ("consul kv delete app/config/flag", MODERATE),
    ("flyway migrate", MODERATE),
    ("liquibase update", MODERATE),
    ("goose up", MODERATE),
    ('atlas schema apply -u "$DATABASE_URL" --to file://schema.hcl --dry-run', MODERATE),
    ("npx prisma db push", MODERATE),
    ("npx prisma migrate deploy", MODERATE),
    ("python manage.py migrate shop 0003", MODERATE),
    ("rails db:migrate:status", MODERATE),
    ("rails db:rollback STEP=2", MODERATE),
    ("php artisan migrate:rollback --step=1", MODERATE),
    ("dotnet ef database update AddUsers", MODERATE),
    ("npx knex migrate:latest", MODERATE),
    ("npx sequelize-cli db:migrate:undo", MODERATE),
    ("heroku pg:info", MODERATE),
    ("heroku pg:backups:capture", MODERATE),
]

DROPS_AND_WIPES += FOURTH_WIPES
EVERYDAY += FOURTH_EVERYDAY

# Sixth batch: EXPLAIN ANALYZE runs the statement it explains; $out replaces a collection;
# a transaction rolled back changes nothing; dangerous words as data or help.
SIXTH_WIPES = [
    ('psql -c "EXPLAIN ANALYZE DELETE FROM users"', HIGH),
    ("mongosh shop --eval 'db.staging.aggregate([{$out: \"orders\"}])'", HIGH),
]

SIXTH_EVERYDAY = [
    ('psql -c "BEGIN; DELETE FROM users; ROLLBACK;"', MODERATE),
    ('mysql -e "START TRANSACTION; DELETE FROM users; ROLLBACK;" app', MODERATE),
    ("mysql -e \"SELECT 'DROP DATABASE x'\"", MODERATE),
    ('psql -c "\\d+ users"', MODERATE),
    ('psql -c "EXPLAIN ANALYZE SELECT * FROM users"', MODERATE),
    ('psql -c "SELECT count(*) FROM users WHERE deleted_at IS NULL"', MODERATE),
    ('psql -c "CREATE TABLE t AS SELECT * FROM users WHERE false"', MODERATE),
    ('psql -c "UPDATE users SET updated_at = now() WHERE id = ANY(ARRAY[1,2,3])"', MODERATE),
    ("mongosh --eval 'db.users.find({}).count()'", MODERATE),
    ("mongosh --eval 'db.users.aggregate([{$match: {}}, {$count: \"n\"}])'", MODERATE),
    ("redis-cli RENAME cache:new cache:live", MODERATE),
    ("redis-cli --help", SAFE),
    ("psql --version", SAFE),
    ("mongosh --help", SAFE),
]

DROPS_AND_WIPES += SIXTH_WIPES
EVERYDAY += SIXTH_EVERYDAY

DANGEROUS = DROPS_AND_WIPES + RESTORES_AND_FILES + OPENED_UP


@pytest.mark.parametrize(("command", "least"), DANGEROUS)
def test_dangerous(command: str, least: RiskLevel) -> None:
    reaches(command, least)


@pytest.mark.parametrize(("command", "highest"), EVERYDAY)
def test_benign(command: str, highest: RiskLevel) -> None:
    stays_within(command, highest)
