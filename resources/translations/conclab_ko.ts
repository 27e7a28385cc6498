<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ControlPanel</name>
    <message>
        <source>Fixed while a run is going: it needs new server processes. Stop, change, start again.</source>
        <translation>실행 중에는 바꿀 수 없습니다: 새 서버 프로세스가 필요합니다. 정지하고, 바꾸고, 다시 시작하세요.</translation>
    </message>
</context>
<context>
    <name>DiagnosisBar</name>
    <message>
        <source>What stands out in the run, from what was measured inside the server and the load generator (the engine&apos;s diagnosis rules; the CLI prints the same lines).</source>
        <translation>이번 실행에서 눈에 띄는 점. 서버 안과 부하 생성기에서 잰 값에 엔진의 진단 규칙을 적용했습니다(CLI도 같은 문장을 출력합니다).</translation>
    </message>
    <message>
        <source>Rules: %1</source>
        <translation>규칙: %1</translation>
    </message>
</context>
<context>
    <name>DiagnosisText</name>
    <message>
        <source>The GIL is held %1 % of the time in each worker and %2 thread waits for it: more threads cannot help; more processes can, up to one per core.</source>
        <translation>워커마다 GIL이 시간의 %1 % 동안 점유되어 있고 스레드 %2개가 GIL을 기다립니다: 스레드를 늘려도 소용없고, 프로세스를 코어 수까지 늘리면 나아집니다.</translation>
    </message>
    <message>
        <source>The GIL is held %1 % of the time in each worker and %2 threads wait for it: more threads cannot help; more processes can, up to one per core.</source>
        <translation>워커마다 GIL이 시간의 %1 % 동안 점유되어 있고 스레드 %2개가 GIL을 기다립니다: 스레드를 늘려도 소용없고, 프로세스를 코어 수까지 늘리면 나아집니다.</translation>
    </message>
    <message>
        <source>The GIL is held %1 % of the time and %2 thread waits for it: more threads cannot help; more processes can.</source>
        <translation>GIL이 시간의 %1 % 동안 점유되어 있고 스레드 %2개가 GIL을 기다립니다: 스레드를 늘려도 소용없고, 프로세스를 늘리면 나아집니다.</translation>
    </message>
    <message>
        <source>The GIL is held %1 % of the time and %2 threads wait for it: more threads cannot help; more processes can.</source>
        <translation>GIL이 시간의 %1 % 동안 점유되어 있고 스레드 %2개가 GIL을 기다립니다: 스레드를 늘려도 소용없고, 프로세스를 늘리면 나아집니다.</translation>
    </message>
    <message>
        <source>Worker %1 (PID %2) served %3 % of the requests: </source>
        <translation>워커 %1(PID %2)이 요청의 %3 %를 처리했습니다: </translation>
    </message>
    <message>
        <source>the kernel&apos;s accept is uneven under a burst; round-robin evens it.</source>
        <translation>몰릴 때 커널의 accept는 고르지 않습니다. 라운드 로빈으로 고르게 할 수 있습니다.</translation>
    </message>
    <message>
        <source>round-robin evens out connections, not the requests they carry.</source>
        <translation>라운드 로빈은 연결을 고르게 나눌 뿐, 그 연결이 실어 나르는 요청까지 고르게 나누지는 않습니다.</translation>
    </message>
    <message>
        <source>The load generator is saturated (%1 % CPU on %2 thread(s)): the numbers show its limit, not the server&apos;s.</source>
        <translation>부하 생성기가 포화 상태입니다(스레드 %2개에서 CPU %1 %): 이 수치는 서버가 아니라 부하 생성기의 한계입니다.</translation>
    </message>
    <message>
        <source>The event loop is busy %1 % of the time and fires timers %2 ms late: CPU work on the loop blocks every connection.</source>
        <translation>이벤트 루프가 시간의 %1 % 동안 바쁘고 타이머가 %2 ms 늦게 실행됩니다: 루프의 CPU 작업이 모든 연결을 막고 있습니다.</translation>
    </message>
    <message>
        <source>All %1 threads are busy and up to %2 requests wait for one, while the GIL is held only %3 % of the time: the threads wait on I/O; more threads (or an event loop) would serve the queue.</source>
        <translation>스레드 %1개가 모두 바쁘고 최대 %2개 요청이 스레드를 기다리는데, GIL 점유는 시간의 %3 %뿐입니다: 스레드들은 I/O를 기다리고 있습니다. 스레드를 늘리거나 이벤트 루프를 쓰면 대기열을 처리할 수 있습니다.</translation>
    </message>
    <message>
        <source>was killed after timing out (%1)</source>
        <translation>타임아웃 뒤 강제 종료됨(%1)</translation>
    </message>
    <message>
        <source>was killed (%1)</source>
        <translation>강제 종료됨(%1)</translation>
    </message>
    <message>
        <source>exited (%1)</source>
        <translation>종료됨(%1)</translation>
    </message>
    <message>
        <source>Worker %1 %2 at %3 s and was replaced by %4</source>
        <translation>워커 %1이(가) %3초에 %2, 워커 %4(으)로 대체되었습니다</translation>
    </message>
    <message>
        <source>Worker %1 %2 at %3 s and was not replaced</source>
        <translation>워커 %1이(가) %3초에 %2, 대체되지 않았습니다</translation>
    </message>
    <message>
        <source> (and %1 more later)</source>
        <translation> (그 뒤로 %1개 더)</translation>
    </message>
    <message>
        <source>; the %1 requests in service on it were lost</source>
        <translation>; 그 워커에서 처리 중이던 요청 %1개를 잃었습니다</translation>
    </message>
    <message>
        <source>. The rate was back to %1 req/s (%2 before) within %3 s.</source>
        <translation>. %3초 안에 요청 속도가 %1 req/s로 돌아왔습니다(이전 %2).</translation>
    </message>
    <message>
        <source>. The rate stayed at %1 req/s against %2 before: the server did not recover.</source>
        <translation>. 요청 속도가 이전 %2에 비해 %1 req/s에 머물렀습니다: 서버가 회복하지 못했습니다.</translation>
    </message>
    <message>
        <source>%1 of the pool&apos;s %2 threads were held by slow clients, each reading a request that never ends; the other %3 served the load (%4 req/s).</source>
        <translation>풀의 스레드 %2개 중 %1개를 느린 클라이언트가 붙잡았습니다. 각 스레드는 끝나지 않는 요청을 읽고 있고, 나머지 %3개가 부하를 처리했습니다(%4 req/s).</translation>
    </message>
    <message>
        <source>All %1 of the pool&apos;s %2 threads were held by slow clients: every thread waits in recv() for a request that never ends, so the pool served %3 req/s</source>
        <translation>풀의 스레드 %2개 중 %1개 모두를 느린 클라이언트가 붙잡았습니다: 모든 스레드가 끝나지 않는 요청을 recv()에서 기다리므로 풀이 처리한 것은 %3 req/s뿐입니다</translation>
    </message>
    <message>
        <source>. A header timeout (Node&apos;s headersTimeout) or an event loop would shrug them off.</source>
        <translation>. 헤더 타임아웃(Node의 headersTimeout)이나 이벤트 루프라면 이들을 가볍게 넘깁니다.</translation>
    </message>
    <message>
        <source> (the server closed them %1 times; they came back).</source>
        <translation> (서버가 이들을 %1번 닫았지만 다시 돌아왔습니다).</translation>
    </message>
    <message>
        <source>Requests with no response when the run ended, after waiting longer than the answered ones&apos; p99: %1 (%2 % of those counted), some for %3 s: the server served some connections and left others waiting (not yet accepted, or starved); the latency tail is a lower bound.</source>
        <translation>실행이 끝날 때까지 응답받지 못하고 응답된 요청의 p99보다 오래 기다린 요청: %1개(집계된 요청의 %2 %), 일부는 %3초 동안: 서버가 일부 연결만 처리하고 나머지는 기다리게 했습니다(아직 accept하지 않았거나 굶겼음). 지연 시간 꼬리는 하한값입니다.</translation>
    </message>
</context>
<context>
    <name>EngineText</name>
    <message>
        <source>the server failed to accept %1 connection(s), usually for lack of file descriptors (ulimit -n)</source>
        <translation>서버가 연결 %1개를 받지 못했습니다. 보통 파일 디스크립터가 모자라서입니다(ulimit -n)</translation>
    </message>
    <message>
        <source>load generator saturated (%1 % CPU on %2 thread(s)): latencies include its own delay</source>
        <translation>부하 생성기 포화(스레드 %2개에서 CPU %1 %): 지연 시간에 부하 생성기 자신의 지연이 섞여 있습니다</translation>
    </message>
    <message>
        <source>errors: %1 in the last tick</source>
        <translation>오류: 직전 틱에 %1</translation>
    </message>
    <message>
        <source>%1 connect</source>
        <translation>연결 실패 %1건</translation>
    </message>
    <message>
        <source>%1 read</source>
        <translation>읽기 실패 %1건</translation>
    </message>
    <message>
        <source>%1 write</source>
        <translation>쓰기 실패 %1건</translation>
    </message>
    <message>
        <source>%1 timeout</source>
        <translation>타임아웃 %1건</translation>
    </message>
    <message>
        <source>%1 status</source>
        <translation>2xx 아닌 응답 %1건</translation>
    </message>
    <message>
        <source>%1 parse</source>
        <translation>해석할 수 없는 응답 %1건</translation>
    </message>
    <message>
        <source>%1 reset</source>
        <translation>워커와 함께 잃은 요청 %1건</translation>
    </message>
    <message>
        <source>open loop falling behind: %1 late, %2 dropped in the last tick (no free connection: the server, or the pool of max_connections, cannot keep up with the rate)</source>
        <translation>개방 루프가 뒤처집니다: 직전 틱에 지연 %1건, 버림 %2건(빈 연결 없음: 서버나 max_connections 연결 풀이 요청 속도를 따라가지 못합니다)</translation>
    </message>
    <message>
        <source>cannot open connections: %1</source>
        <translation>연결을 열 수 없습니다: %1</translation>
    </message>
    <message>
        <source>%1 (limit %2 descriptors; raise it with `ulimit -n %3` before starting Concurrency Lab)</source>
        <translation>%1 (한도 디스크립터 %2개: Concurrency Lab을 시작하기 전에 `ulimit -n %3`으로 올리세요)</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>연결 거부됨</translation>
    </message>
    <message>
        <source>Too many open files</source>
        <translation>열린 파일이 너무 많음</translation>
    </message>
    <message>
        <source>the server&apos;s keep-alive timeout is lifted (keepalive_timeout_s 0) so that the %1 idle connections stay open; set --keepalive-timeout to keep one</source>
        <translation>유휴 연결 %1개가 열린 채로 있도록 서버의 keep-alive 타임아웃을 없앴습니다(keepalive_timeout_s 0). 타임아웃을 두려면 --keepalive-timeout을 지정하세요</translation>
    </message>
    <message>
        <source>at %1 s: %2</source>
        <translation>%1초: %2</translation>
    </message>
    <message>
        <source>every server worker has exited; see the warnings</source>
        <translation>서버 워커가 모두 종료됐습니다. 경고를 보세요</translation>
    </message>
    <message>
        <source>server worker %1 sent an unreadable line: %2</source>
        <translation>서버 워커 %1이(가) 읽을 수 없는 줄을 보냈습니다: %2</translation>
    </message>
    <message>
        <source>server worker %1 failed: %2</source>
        <translation>서버 워커 %1 실패: %2</translation>
    </message>
    <message>
        <source>server worker %1 has sent no report for %2 s (stopped, e.g. by SIGSTOP, or starved of CPU); its last figures are left out of the live counts</source>
        <translation>서버 워커 %1이(가) %2초 동안 보고하지 않았습니다(SIGSTOP 등으로 멈췄거나 CPU를 받지 못함). 마지막 수치는 실시간 집계에서 뺍니다</translation>
    </message>
    <message>
        <source>server worker %1 reports again</source>
        <translation>서버 워커 %1이(가) 다시 보고합니다</translation>
    </message>
    <message>
        <source>server worker %1 timed out: its serving loop has not been free for %2 s (worker_timeout_s %3 s, gunicorn&apos;s WORKER TIMEOUT); killing it</source>
        <translation>서버 워커 %1 타임아웃: 처리 루프가 %2초 동안 한 번도 비지 않았습니다(worker_timeout_s %3초, gunicorn의 WORKER TIMEOUT). 워커를 강제 종료합니다</translation>
    </message>
    <message>
        <source>server worker %1 exited unexpectedly (%2); starting a replacement</source>
        <translation>서버 워커 %1이(가) 예기치 않게 종료됐습니다(%2). 대체 워커를 시작합니다</translation>
    </message>
    <message>
        <source>server worker %1 was killed after timing out (%2); starting a replacement</source>
        <translation>서버 워커 %1이(가) 타임아웃 뒤 강제 종료됐습니다(%2). 대체 워커를 시작합니다</translation>
    </message>
    <message>
        <source>server worker %1 exited unexpectedly (%2); not replaced: %3 restarts already</source>
        <translation>서버 워커 %1이(가) 예기치 않게 종료됐습니다(%2). 이미 %3번 재시작해서 대체하지 않습니다</translation>
    </message>
    <message>
        <source>server worker %1 was killed after timing out (%2); not replaced: %3 restarts already</source>
        <translation>서버 워커 %1이(가) 타임아웃 뒤 강제 종료됐습니다(%2). 이미 %3번 재시작해서 대체하지 않습니다</translation>
    </message>
    <message>
        <source>server worker %1 exited unexpectedly (%2); it never got ready, so it is not replaced</source>
        <translation>서버 워커 %1이(가) 예기치 않게 종료됐습니다(%2). 준비된 적이 없는 워커라 대체하지 않습니다</translation>
    </message>
    <message>
        <source>server worker %1: %2</source>
        <translation>서버 워커 %1: %2</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>status %1</source>
        <translation>종료 코드 %1</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>시그널 %1(%2)</translation>
    </message>
    <message>
        <source>Killed</source>
        <translation>강제 종료</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>종료 요청</translation>
    </message>
    <message>
        <source>worker %1 killed (%2) → %3</source>
        <translation>워커 %1 강제 종료(%2) → %3</translation>
    </message>
    <message>
        <source>worker %1 killed (%2)</source>
        <translation>워커 %1 강제 종료(%2)</translation>
    </message>
    <message>
        <source>worker %1 exited (%2) → %3</source>
        <translation>워커 %1 종료(%2) → %3</translation>
    </message>
    <message>
        <source>worker %1 exited (%2)</source>
        <translation>워커 %1 종료(%2)</translation>
    </message>
    <message>
        <source>worker %1 timed out (%2) → %3</source>
        <translation>워커 %1 타임아웃(%2) → %3</translation>
    </message>
    <message>
        <source>worker %1 timed out (%2)</source>
        <translation>워커 %1 타임아웃(%2)</translation>
    </message>
    <message>
        <source>plan stopped: connections set by hand</source>
        <translation>계획 중단: 연결 수를 직접 바꿈</translation>
    </message>
    <message>
        <source>plan stopped: rate set by hand</source>
        <translation>계획 중단: 요청 속도를 직접 바꿈</translation>
    </message>
    <message>
        <source>connections do not apply in an open loop (the pool grows as needed up to max_connections); change rate instead</source>
        <translation>개방 루프에는 연결 수가 적용되지 않습니다(연결 풀은 max_connections까지 필요한 만큼 늘어납니다). 대신 요청 속도를 바꾸세요</translation>
    </message>
    <message>
        <source>rate applies to open-loop runs only (start the run with a rate above 0)</source>
        <translation>요청 속도는 개방 루프 실행에만 적용됩니다(요청 속도를 0보다 크게 해서 실행을 시작하세요)</translation>
    </message>
    <message>
        <source>threads apply to gil-threads only</source>
        <translation>스레드 수는 GIL 스레드 모델에만 적용됩니다</translation>
    </message>
    <message>
        <source>workers apply to process-per-core only</source>
        <translation>워커 수는 코어당 프로세스 모델에만 적용됩니다</translation>
    </message>
    <message>
        <source>killing a worker applies to process-per-core only (the other models are one server process: killing it ends the run)</source>
        <translation>워커 강제 종료는 코어당 프로세스 모델에만 적용됩니다(다른 모델은 서버 프로세스가 하나라서 죽이면 실행이 끝납니다)</translation>
    </message>
    <message>
        <source>event-loop</source>
        <translation>이벤트 루프</translation>
    </message>
    <message>
        <source>gil-threads</source>
        <translation>GIL 스레드</translation>
    </message>
    <message>
        <source>process-per-core</source>
        <translation>코어당 프로세스</translation>
    </message>
    <message>
        <source>round-robin</source>
        <translation>라운드 로빈</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>on</source>
        <translation>켬</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>measuring the real server (%1) at %2 connection(s)</source>
        <translation>실제 서버(%1)를 연결 %2개로 측정 중</translation>
    </message>
    <message>
        <source>measuring %1 with no overhead at %2 connection(s)</source>
        <translation>오버헤드 없는 %1을(를) 연결 %2개로 측정 중</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>%1단계: %2</translation>
    </message>
    <message>
        <source>the real server</source>
        <translation>실제 서버</translation>
    </message>
    <message>
        <source>%1 with %2 µs overhead at %3 connection(s)</source>
        <translation>오버헤드 %2 µs인 %1, 연결 %3개</translation>
    </message>
    <message>
        <source>the real server at 1 connection</source>
        <translation>연결 1개에서 실제 서버</translation>
    </message>
    <message>
        <source>the model with %1 µs held at 1 connection</source>
        <translation>연결 1개에서 GIL을 쥔 %1 µs 모델</translation>
    </message>
    <message>
        <source>verifying: the real server again</source>
        <translation>검증: 실제 서버 다시 측정</translation>
    </message>
    <message>
        <source>verifying: the model with %1 µs overhead</source>
        <translation>검증: 오버헤드 %1 µs 모델</translation>
    </message>
    <message>
        <source>framework cost per request, holding the GIL: %1 µs, fitted in a closed loop to the real server&apos;s saturated rate at %2 connection(s)</source>
        <translation>GIL을 쥔 채 드는 요청당 프레임워크 비용: %1 µs. 연결 %2개에서 실제 서버의 포화 처리량에 폐쇄 루프로 피팅했습니다</translation>
    </message>
    <message>
        <source>framework cost per request: %1 µs, fitted in a closed loop to the real server&apos;s saturated rate at %2 connection(s)</source>
        <translation>요청당 프레임워크 비용: %1 µs. 연결 %2개에서 실제 서버의 포화 처리량에 폐쇄 루프로 피팅했습니다</translation>
    </message>
    <message>
        <source>framework cost without the GIL: not fitted, set to 0: %1 has no GIL, so all of the framework&apos;s cost is one figure</source>
        <translation>GIL 밖 프레임워크 비용: 피팅하지 않고 0으로 둡니다. %1에는 GIL이 없어서 프레임워크 비용 전체가 수치 하나입니다</translation>
    </message>
    <message>
        <source>framework cost without the GIL: not fitted, set to 0 (it needs more than 1 connection and the loop to converge first)</source>
        <translation>GIL 밖 프레임워크 비용: 피팅하지 않고 0으로 둡니다(연결이 1개보다 많아야 하고, 먼저 반복이 수렴해야 합니다)</translation>
    </message>
    <message>
        <source>framework cost without the GIL: not fitted, set to 0: %1, within ±%2 % or slower</source>
        <translation>GIL 밖 프레임워크 비용: 피팅하지 않고 0으로 둡니다. %1: ±%2 % 이내이거나 더 느립니다</translation>
    </message>
    <message>
        <source>framework cost without the GIL: not fitted, set to 0: %1, but with %2 µs released the model could not be brought within ±%3 % at %4 connection(s) again: the difference at 1 connection is not work beside the GIL here (on a busy machine it is mostly waiting for a core)</source>
        <translation>GIL 밖 프레임워크 비용: 피팅하지 않고 0으로 둡니다. %1. 하지만 GIL 밖 비용을 %2 µs로 두자 연결 %4개에서 모델을 다시 ±%3 % 안으로 맞출 수 없었습니다: 여기서 연결 1개일 때의 차이는 GIL 밖 작업이 아닙니다(바쁜 머신에서는 대개 코어를 기다리는 시간입니다)</translation>
    </message>
    <message>
        <source>framework cost without the GIL: %1 µs, what the real server still costs more at 1 connection (%2)</source>
        <translation>GIL 밖 프레임워크 비용: %1 µs. 연결 1개에서 실제 서버가 여전히 더 드는 비용입니다(%2)</translation>
    </message>
    <message>
        <source>at 1 connection the real server ran at %1 req/s, the model with the held part alone at %2× that</source>
        <translation>연결 1개에서 실제 서버는 %1 req/s, GIL을 쥔 부분만 넣은 모델은 그 %2배로 돌았습니다</translation>
    </message>
    <message>
        <source>the real server closed the connection after %1 % of its responses (the client reconnected %2 times for %3 responses), while the model keeps connections alive: choose a shape that closes (Flask dev server, gunicorn sync) or --keep-alive off</source>
        <translation>실제 서버는 응답의 %1 % 뒤에 연결을 닫았는데(응답 %3개에 클라이언트가 %2번 다시 연결), 모델은 연결을 유지합니다: 연결을 닫는 형태(Flask 개발 서버, gunicorn sync)를 고르거나 --keep-alive off를 쓰세요</translation>
    </message>
    <message>
        <source>the real server kept its connections alive (the client reconnected %1 times for %2 responses), while the model closes after every response: choose a shape that keeps connections alive or --keep-alive on</source>
        <translation>실제 서버는 연결을 유지했는데(응답 %2개에 클라이언트가 %1번 다시 연결), 모델은 응답마다 연결을 닫습니다: 연결을 유지하는 형태를 고르거나 --keep-alive on을 쓰세요</translation>
    </message>
    <message>
        <source>the real server (%1 req/s) is faster than the model with no overhead at all (%2 req/s): the model cannot be made faster, so the overhead stays 0</source>
        <translation>실제 서버(%1 req/s)가 오버헤드가 전혀 없는 모델(%2 req/s)보다 빠릅니다: 모델을 더 빠르게 할 수는 없으므로 오버헤드는 0으로 둡니다</translation>
    </message>
    <message>
        <source>the verification&apos;s median ran at %1× the real server, outside ±%2 % although the loop got within it: the machine&apos;s load moved (see the load average), or the runs are too short</source>
        <translation>반복에서는 허용 범위 안에 들었지만 검증의 중앙값은 실제 서버의 %1배로 ±%2 % 밖입니다: 머신의 부하가 변했거나(load average를 보세요) 실행이 너무 짧습니다</translation>
    </message>
    <message>
        <source>after %1 steps the model runs at %2× the real server, outside ±%3 %: the real server&apos;s own runs spread %4 % (more than the tolerance); measure longer (--duration) or more often (--repeat), or on a quieter machine</source>
        <translation>%1단계 뒤에도 모델은 실제 서버의 %2배로 ±%3 % 밖입니다: 실제 서버 자신의 실행끼리 %4 % 차이가 납니다(허용 범위보다 큼). 더 길게(--duration) 또는 더 여러 번(--repeat) 재거나, 더 한가한 머신에서 재세요</translation>
    </message>
    <message>
        <source>after %1 steps the model runs at %2× the real server, outside ±%3 %: the model&apos;s rate does not follow its overhead as 1/rate = t0 + overhead/parallelism here (the model or the load generator is short of CPU on this machine, or the real server&apos;s cost depends on the load)</source>
        <translation>%1단계 뒤에도 모델은 실제 서버의 %2배로 ±%3 % 밖입니다: 여기서는 모델의 처리량이 1/rate = t0 + overhead/parallelism을 따르지 않습니다(이 머신에서 모델이나 부하 생성기의 CPU가 모자라거나, 실제 서버의 비용이 부하에 따라 달라집니다)</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>검증되지 않음</translation>
    </message>
    <message>
        <source>Node / Express</source>
        <translation>Node / Express</translation>
    </message>
    <message>
        <source>one Node process: one event loop serves every connection and keeps it alive</source>
        <translation>Node 프로세스 하나: 이벤트 루프 하나가 모든 연결을 처리하고 연결을 유지합니다</translation>
    </message>
    <message>
        <source>Node cluster</source>
        <translation>Node cluster</translation>
    </message>
    <message>
        <source>Node&apos;s cluster module: worker processes (one per core unless told), the primary hands connections out round-robin, an event loop in each</source>
        <translation>Node의 cluster 모듈: 워커 프로세스(지정하지 않으면 코어마다 하나)에 주 프로세스가 연결을 라운드 로빈으로 나눠 주고, 워커마다 이벤트 루프가 돕니다</translation>
    </message>
    <message>
        <source>Flask dev server (Werkzeug)</source>
        <translation>Flask 개발 서버 (Werkzeug)</translation>
    </message>
    <message>
        <source>Werkzeug&apos;s threaded server: a thread per connection under one GIL, and the connection closes after each response</source>
        <translation>Werkzeug의 스레드 서버: GIL 하나 아래 연결마다 스레드 하나, 응답마다 연결을 닫습니다</translation>
    </message>
    <message>
        <source>gunicorn sync</source>
        <translation>gunicorn sync</translation>
    </message>
    <message>
        <source>gunicorn&apos;s sync workers: processes with one thread each, accepting one connection at a time and closing it after the response</source>
        <translation>gunicorn의 sync 워커: 스레드가 하나씩인 프로세스들이 한 번에 연결 하나를 받아, 응답 뒤에 닫습니다</translation>
    </message>
    <message>
        <source>gunicorn gthread</source>
        <translation>gunicorn gthread</translation>
    </message>
    <message>
        <source>gunicorn&apos;s gthread workers: processes with a pool of threads under one GIL each, connections kept alive 2 s, up to 1,000 per worker</source>
        <translation>gunicorn의 gthread 워커: 프로세스마다 GIL 하나 아래 스레드 풀, 연결은 2초 유지, 워커당 최대 1,000개</translation>
    </message>
    <message>
        <source>gunicorn gevent</source>
        <translation>gunicorn gevent</translation>
    </message>
    <message>
        <source>gunicorn -k gevent: processes, each one event loop of green threads, up to 1,000 connections per worker</source>
        <translation>gunicorn -k gevent: 프로세스마다 그린 스레드의 이벤트 루프 하나, 워커당 연결 최대 1,000개</translation>
    </message>
    <message>
        <source>%1 at cpu %2 ms, io %3 ms, %4 connection(s)</source>
        <translation>%1, CPU %2 ms, I/O %3 ms, 연결 %4개</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>OFF (%1): likely %2</source>
        <translation>어긋남 (%1): 아마도 %2</translation>
    </message>
    <message>
        <source>OFF: %1</source>
        <translation>어긋남: %1</translation>
    </message>
    <message>
        <source>the real server failed %1 requests (connect %2, read %3, timeout %4): its rate is what it survived, not its capacity</source>
        <translation>실제 서버가 요청 %1개에 실패했습니다(연결 %2, 읽기 %3, 타임아웃 %4): 그 처리량은 버텨 낸 양이지 용량이 아닙니다</translation>
    </message>
    <message>
        <source>the real server&apos;s accept queue overflowed (%1 connects were retried after 1 s; the slowest response took %2 ms): its listen backlog or accept loop holds fewer than the model&apos;s</source>
        <translation>실제 서버의 accept 대기열이 넘쳤습니다(연결 %1개가 1초 뒤 다시 시도됨, 가장 느린 응답 %2 ms): 그 listen 백로그나 accept 루프가 모델보다 적게 받습니다</translation>
    </message>
    <message>
        <source>the real server&apos;s accept queue overflowed (the kernel dropped %1 handshakes; the slowest response took %2 ms): its listen backlog or accept loop holds fewer than the model&apos;s</source>
        <translation>실제 서버의 accept 대기열이 넘쳤습니다(커널이 핸드셰이크 %1개를 버림, 가장 느린 응답 %2 ms): 그 listen 백로그나 accept 루프가 모델보다 적게 받습니다</translation>
    </message>
    <message>
        <source>the real server accepted new connections slowly (the kernel dropped no handshake, yet a response waited up to %1 ms): one accept per turn of its busy loop, as Node&apos;s, while the model accepted them sooner (its cost per new connection, --connection-us, is smaller)</source>
        <translation>실제 서버가 새 연결을 느리게 받았습니다(커널이 버린 핸드셰이크는 없는데 응답이 최대 %1 ms 기다림): Node처럼 바쁜 루프가 한 바퀴에 하나씩 accept하고, 모델은 더 빨리 받았습니다(모델의 새 연결당 비용 --connection-us 가 더 작음)</translation>
    </message>
    <message>
        <source>the real server&apos;s CPU work costs more than cpu_ms of thread CPU (its interpreter, garbage collection, a busy loop that shares the core)</source>
        <translation>실제 서버의 CPU 작업이 스레드 CPU 시간 cpu_ms보다 더 듭니다(인터프리터, 가비지 컬렉션, 코어를 나눠 쓰는 바쁜 루프)</translation>
    </message>
    <message>
        <source>the model&apos;s CPU work costs more here than the real server&apos;s (the fitted overhead is too large under CPU load)</source>
        <translation>여기서는 모델의 CPU 작업이 실제 서버보다 더 듭니다(CPU 부하에서는 피팅한 오버헤드가 너무 큽니다)</translation>
    </message>
    <message>
        <source>the model serves more at once than the real server (a limit of threads, connections or the accept queue the model lacks)</source>
        <translation>모델이 실제 서버보다 한꺼번에 더 많이 처리합니다(모델에는 없는 스레드, 연결, accept 대기열의 한도가 실제 서버에 있습니다)</translation>
    </message>
    <message>
        <source>the model is slower here: the framework cost fitted at zero work is larger than the real server pays on this workload</source>
        <translation>여기서는 모델이 더 느립니다: 작업 없이 피팅한 프레임워크 비용이 이 작업에서 실제 서버가 치르는 비용보다 큽니다</translation>
    </message>
    <message>
        <source>no response completed in the measured window</source>
        <translation>측정 구간에 끝난 응답이 없습니다</translation>
    </message>
    <message>
        <source>%1 failed requests held connections but count in neither X nor R</source>
        <translation>실패한 요청 %1개가 연결을 붙잡았지만 X에도 R에도 들어가지 않습니다</translation>
    </message>
    <message>
        <source>only %1 of %2 connections were open on average (connect failures or slow connects)</source>
        <translation>연결 %2개 중 평균 %1개만 열려 있었습니다(연결 실패나 느린 연결)</translation>
    </message>
    <message>
        <source>the load generator was saturated (%1 % CPU): time spent in the client between requests is outside R</source>
        <translation>부하 생성기가 포화 상태였습니다(CPU %1 %): 요청 사이에 클라이언트에서 보낸 시간은 R에 들어가지 않습니다</translation>
    </message>
    <message>
        <source>X·R below N: connections spent time outside measured requests (client delay between a response and the next request, reconnects)</source>
        <translation>X·R이 N보다 작습니다: 연결이 측정된 요청 밖에서 시간을 보냈습니다(응답과 다음 요청 사이 클라이언트의 지연, 재연결)</translation>
    </message>
    <message>
        <source>X·R above N: requests that started before the measured window ended in it (longer latencies than the step, or too few responses; lengthen the step or the warm-up)</source>
        <translation>X·R이 N보다 큽니다: 측정 구간 전에 시작한 요청이 구간 안에서 끝났습니다(단계보다 긴 지연 시간, 또는 너무 적은 응답. 단계나 워밍업을 늘리세요)</translation>
    </message>
    <message>
        <source>the load is the same at every point of a sweep of idle connections</source>
        <translation>유휴 연결 스윕에서는 모든 점의 부하가 같습니다</translation>
    </message>
    <message>
        <source>every point needs N &gt;= 1 and a throughput above 0 (N = %1 has none)</source>
        <translation>모든 점에 N &gt;= 1과 0보다 큰 처리량이 필요합니다(N = %1에는 없음)</translation>
    </message>
    <message>
        <source>needs a point at N = 1 (λ is the throughput of one client alone)</source>
        <translation>N = 1인 점이 필요합니다(λ는 클라이언트 하나만의 처리량입니다)</translation>
    </message>
    <message>
        <source>needs at least %1 points (%2 recommended), got %3</source>
        <translation>점이 최소 %1개 필요합니다(권장 %2개). 지금 %3개입니다</translation>
    </message>
    <message>
        <source>%1; %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>only %1 points; the USL wants at least %2 for σ and κ to be trusted</source>
        <translation>점이 %1개뿐입니다. σ와 κ를 믿으려면 USL에 최소 %2개가 필요합니다</translation>
    </message>
    <message>
        <source>σ at its bound 1: throughput does not grow with N at all (one request at a time)</source>
        <translation>σ가 상한 1입니다: 처리량이 N에 따라 전혀 늘지 않습니다(한 번에 요청 하나)</translation>
    </message>
    <message>
        <source>too many open files: this run needs about %1 file descriptors, but the limit is %2 (hard limit %3); use fewer connections, or raise the limit (e.g. `ulimit -n 65536` in the shell that starts Concurrency Lab, or LimitNOFILE= / /etc/security/limits.conf)%4</source>
        <translation>열린 파일이 너무 많습니다: 이 실행에는 파일 디스크립터가 약 %1개 필요하지만 한도는 %2개입니다(하드 한도 %3). 연결을 줄이거나 한도를 올리세요(예: Concurrency Lab을 시작하는 셸에서 `ulimit -n 65536`, 또는 LimitNOFILE= / /etc/security/limits.conf)%4</translation>
    </message>
    <message>
        <source>; as root the hard limit itself can be raised (`ulimit -Hn N`, up to fs.nr_open)</source>
        <translation>. root라면 하드 한도 자체도 올릴 수 있습니다(`ulimit -Hn N`, fs.nr_open까지)</translation>
    </message>
    <message>
        <source>a thread per connection needs %1 threads, but this machine can start about %2 more (kernel.threads-max %3, kernel.pid_max %4, vm.max_map_count %5 = two maps per thread stack, %6 tasks already running); use fewer connections or a thread pool (--threads N), or raise them as root: sysctl -w kernel.pid_max=4194304 kernel.threads-max=N vm.max_map_count=N</source>
        <translation>연결마다 스레드를 두면 스레드 %1개가 필요하지만 이 머신은 약 %2개만 더 띄울 수 있습니다(kernel.threads-max %3, kernel.pid_max %4, vm.max_map_count %5 = 스레드 스택 하나에 맵 두 개, 이미 실행 중인 태스크 %6개). 연결을 줄이거나 스레드 풀(--threads N)을 쓰거나, root로 올리세요: sysctl -w kernel.pid_max=4194304 kernel.threads-max=N vm.max_map_count=N</translation>
    </message>
    <message>
        <source>invalid settings: %1</source>
        <translation>설정이 잘못됐습니다: %1</translation>
    </message>
    <message>
        <source>warmup_s must be shorter than the duration</source>
        <translation>warmup_s는 실행 시간보다 짧아야 합니다</translation>
    </message>
    <message>
        <source>%1 must be one of %2, got %3</source>
        <translation>%1은(는) %2 중 하나여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>%1 must be a whole number, got %2</source>
        <translation>%1은(는) 정수여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>%1 must be a number, got %2</source>
        <translation>%1은(는) 숫자여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>%1 must be a finite number</source>
        <translation>%1은(는) 유한한 숫자여야 합니다</translation>
    </message>
    <message>
        <source>%1 must be %2, got %3</source>
        <translation>%1은(는) %2 범위여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is not a scenario field (a typo?)</source>
        <translation>시나리오 필드가 아닙니다(오타인가요?)</translation>
    </message>
    <message>
        <source>name is required and must be a non-empty string</source>
        <translation>name은 필수이며 비어 있지 않은 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>%1 must be a string</source>
        <translation>%1은(는) 문자열이어야 합니다</translation>
    </message>
    <message>
        <source>a scenario must be a JSON object</source>
        <translation>시나리오는 JSON 객체여야 합니다</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: %2</source>
        <translation>필드 &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>it is a folder</source>
        <translation>폴더입니다</translation>
    </message>
    <message>
        <source>no such folder %1</source>
        <translation>%1 폴더가 없습니다</translation>
    </message>
    <message>
        <source>the folder %1 is not writable</source>
        <translation>%1 폴더에 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>the file exists (use --force to overwrite it)</source>
        <translation>파일이 이미 있습니다(덮어쓰려면 --force)</translation>
    </message>
    <message>
        <source>scenario file %1</source>
        <translation>시나리오 파일: %1</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1을(를) 열 수 없습니다: %2</translation>
    </message>
    <message>
        <source>%1: is not a regular file (a folder, FIFO or device); %2</source>
        <translation>%1: 일반 파일이 아닙니다(폴더, FIFO, 장치). %2</translation>
    </message>
    <message>
        <source>%1: is larger than %2 MiB; %3 (is this the right file?)</source>
        <translation>%1: %2 MiB보다 큽니다. %3(맞는 파일인가요?)</translation>
    </message>
    <message>
        <source>a scenario file is a small JSON object</source>
        <translation>시나리오 파일은 작은 JSON 객체입니다</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>파일이나 폴더가 없음</translation>
    </message>
    <message>
        <source>cannot write : no file name given</source>
        <translation>파일 이름이 없어 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>Segmentation fault</source>
        <translation>세그멘테이션 오류</translation>
    </message>
    <message>
        <source>Aborted</source>
        <translation>비정상 중단(abort)</translation>
    </message>
    <message>
        <source>Bus error</source>
        <translation>버스 오류</translation>
    </message>
    <message>
        <source>Floating point exception</source>
        <translation>부동소수점 예외</translation>
    </message>
    <message>
        <source>Illegal instruction</source>
        <translation>잘못된 명령어</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>인터럽트</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1을(를) 읽을 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>입출력 오류</translation>
    </message>
    <message>
        <source>compare must be a list of model names or objects of run fields</source>
        <translation>compare는 모델 이름이나 실행 필드 객체의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>compare has an unknown model %1</source>
        <translation>compare에 알 수 없는 모델이 있습니다: %1</translation>
    </message>
    <message>
        <source>compare run %1 has an unknown field &quot;%2&quot;</source>
        <translation>비교 실행 %1에 알 수 없는 필드 &quot;%2&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>compare run %1: %2</source>
        <translation>비교 실행 %1: %2</translation>
    </message>
    <message>
        <source>compare takes at most %1 runs</source>
        <translation>compare는 실행을 최대 %1개까지 받습니다</translation>
    </message>
    <message>
        <source>stages must be a list of {&quot;duration&quot;: seconds, &quot;target&quot;: number}</source>
        <translation>stages는 {&quot;duration&quot;: 초, &quot;target&quot;: 수}의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>stage %1 must be {&quot;duration&quot;: s, &quot;target&quot;: n}</source>
        <translation>%1단계는 {&quot;duration&quot;: 초, &quot;target&quot;: 수} 형태여야 합니다</translation>
    </message>
    <message>
        <source>stage %1 has an unknown key &quot;%2&quot;</source>
        <translation>%1단계에 알 수 없는 키 &quot;%2&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>stage %1 needs a number &quot;duration&quot; (seconds)</source>
        <translation>%1단계에는 숫자 &quot;duration&quot;(초)이 필요합니다</translation>
    </message>
    <message>
        <source>stage %1 needs a number &quot;target&quot; (connections, or req/s in an open loop)</source>
        <translation>%1단계에는 숫자 &quot;target&quot;(연결 수, 개방 루프에서는 req/s)이 필요합니다</translation>
    </message>
    <message>
        <source>shape must be one of %1</source>
        <translation>shape는 %1 중 하나여야 합니다</translation>
    </message>
    <message>
        <source>sweep must be an object {&quot;connections&quot;: [...], …}</source>
        <translation>sweep은 {&quot;connections&quot;: [...], …} 형태의 객체여야 합니다</translation>
    </message>
    <message>
        <source>sweep has an unknown key &quot;%1&quot;</source>
        <translation>sweep에 알 수 없는 키 &quot;%1&quot;이(가) 있습니다</translation>
    </message>
    <message>
        <source>sweep models must be a list of model names</source>
        <translation>sweep의 models는 모델 이름의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>sweep models has an unknown model %1</source>
        <translation>sweep의 models에 알 수 없는 모델이 있습니다: %1</translation>
    </message>
    <message>
        <source>sweep models takes at most three models</source>
        <translation>sweep의 models는 모델을 최대 세 개까지 받습니다</translation>
    </message>
    <message>
        <source>sweep needs &quot;connections&quot;: [1, 2, 4, …] or &quot;from&quot;, &quot;to&quot; and &quot;steps&quot; (one of the two)</source>
        <translation>sweep에는 &quot;connections&quot;: [1, 2, 4, …] 또는 &quot;from&quot;, &quot;to&quot;, &quot;steps&quot;가 필요합니다(둘 중 하나만)</translation>
    </message>
    <message>
        <source>sweep needs an integer &quot;%1&quot;</source>
        <translation>sweep에는 정수 &quot;%1&quot;이(가) 필요합니다</translation>
    </message>
    <message>
        <source>sweep needs 1 &lt;= from &lt;= to &lt;= %1 and steps 2..100, got %2, %3, %4</source>
        <translation>sweep에는 1 &lt;= from &lt;= to &lt;= %1, steps 2..100이 필요합니다. 받은 값: %2, %3, %4</translation>
    </message>
    <message>
        <source>sweep connections must be a list of 1 to 100 connection counts</source>
        <translation>sweep의 connections는 연결 수 1~100개의 목록이어야 합니다</translation>
    </message>
    <message>
        <source>sweep connections must be whole numbers 1..%1, got %2</source>
        <translation>sweep의 connections는 1..%1의 정수여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>sweep &quot;%1&quot; must be a number of seconds in %2, got %3</source>
        <translation>sweep &quot;%1&quot;은(는) %2 범위의 초 단위 숫자여야 합니다. 받은 값: %3</translation>
    </message>
    <message>
        <source>sweep &quot;idle&quot; must be true or false</source>
        <translation>sweep &quot;idle&quot;은(는) true 또는 false여야 합니다</translation>
    </message>
    <message>
        <source>a sweep measures closed-loop connections; &quot;rate&quot; must be 0</source>
        <translation>스윕은 폐쇄 루프의 연결을 측정합니다. &quot;rate&quot;는 0이어야 합니다</translation>
    </message>
    <message>
        <source>a sweep sets the connections itself; &quot;stages&quot; do not apply</source>
        <translation>스윕은 연결 수를 스스로 정합니다. &quot;stages&quot;는 적용되지 않습니다</translation>
    </message>
    <message>
        <source>%1 is a number out of range (%2)</source>
        <translation>%1은(는) 범위를 벗어난 숫자입니다(%2)</translation>
    </message>
    <message>
        <source>%1 is not a JSON value (numbers are finite, NaN and Infinity are not JSON; %2)</source>
        <translation>%1은(는) JSON 값이 아닙니다(숫자는 유한해야 하며 NaN과 Infinity는 JSON이 아닙니다. %2)</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>올바른 JSON이 아닙니다: %1</translation>
    </message>
    <message>
        <source>the document is nested deeper than %1 levels</source>
        <translation>문서가 %1단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>nested deeper than %1 levels</source>
        <translation>%1단계보다 깊게 중첩되어 있습니다</translation>
    </message>
    <message>
        <source>stages: at most %1 stages</source>
        <translation>stages: 단계는 최대 %1개까지입니다</translation>
    </message>
    <message>
        <source>stages: stage %1: %2</source>
        <translation>stages: %1단계: %2</translation>
    </message>
    <message>
        <source>duration must be above 0 and at most %1 s, got %2</source>
        <translation>duration은 0보다 크고 %1 s 이하여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>target (connections) must be 0..%1, got %2</source>
        <translation>target(연결 수)은 0..%1 범위여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>target (req/s) must be 0..%1, got %2</source>
        <translation>target(req/s)은 0..%1 범위여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>target must be 0 or at least %1 req/s, got %2</source>
        <translation>target은 0이거나 %1 req/s 이상이어야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>target must be a whole number of connections, got %1</source>
        <translation>target은 연결 수이므로 정수여야 합니다. 받은 값: %1</translation>
    </message>
    <message>
        <source>rate of %1 req/s sends no request in a run of %2 s; it needs at least 1/duration = %3 req/s</source>
        <translation>%2 s 실행에서 rate %1 req/s로는 요청을 하나도 보내지 않습니다. 적어도 1/duration = %3 req/s가 필요합니다</translation>
    </message>
    <message>
        <source>tick_s must be at most the duration (%1 s), got %2</source>
        <translation>tick_s는 실행 시간(%1 s) 이하여야 합니다. 받은 값: %2</translation>
    </message>
    <message>
        <source>%1number overflow parsing &apos;%2&apos;</source>
        <translation>%1숫자 &apos;%2&apos;이(가) 너무 커서 읽을 수 없습니다</translation>
    </message>
    <message>
        <source>Broken pipe</source>
        <translation>파이프 끊어짐</translation>
    </message>
    <message>
        <source>Hangup</source>
        <translation>연결 끊김(hangup)</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>끝내기(quit)</translation>
    </message>
    <message>
        <source>CPU time limit exceeded</source>
        <translation>CPU 시간 한도 초과</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: %1 µs, fitted in a closed loop to the real server&apos;s rate with %2 ms of I/O at %3 connection(s) (real %4 req/s; the model without it at %5× that)</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: %1 µs. 요청당 I/O %2 ms, 연결 %3개에서 실제 서버의 처리량에 폐쇄 루프로 피팅했습니다(실제 %4 req/s, 이 비용 없는 모델은 그 %5배)</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: %1 µs, the nearest of %2 steps, at %3× the real server with %4 ms of I/O at %5 connection(s), outside ±%6 % (real %7 req/s; the model without it at %8× that)</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: %1 µs. %2단계 중 가장 가까운 값으로, 요청당 I/O %4 ms, 연결 %5개에서 실제 서버의 %3배이며 ±%6 % 밖입니다(실제 %7 req/s, 이 비용 없는 모델은 그 %8배)</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0 (it needs the overhead verified first)</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다(먼저 오버헤드가 검증되어야 합니다)</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: the model has no GIL (a thread woken after I/O takes the GIL back from other waiters; an event loop resumes a request on the thread it is already running)</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 이 모델에는 GIL이 없습니다(I/O 뒤에 깨어난 스레드는 다른 대기자들에게서 GIL을 되찾아야 하지만, 이벤트 루프는 이미 돌고 있는 스레드에서 요청을 이어 갑니다)</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: with %1 ms of I/O its %2 threads, not its CPU, bound the rate (%3 ÷ %4 ms = %5 req/s, below its zero-work %6 req/s): the cost after I/O does not show in its rate</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. I/O %1 ms에서는 CPU가 아니라 스레드 %2개가 처리량을 묶습니다(%3 ÷ %4 ms = %5 req/s, 작업 없는 처리량 %6 req/s보다 낮음). 그래서 I/O 뒤 비용이 처리량에 드러나지 않습니다</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: keeping it busy with %1 ms of I/O takes %2 connections, more than %3</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. I/O %1 ms로 서버를 바쁘게 하려면 연결 %2개가 필요한데, %3개보다 많습니다</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: no zero-work rate to size the run with</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 실행 규모를 정할 작업 없는 처리량이 없습니다</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: the real server did not wait (p50 %1 ms with ?io_ms=%2): it does not follow the ?io_ms= convention of docs/validation.md</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 실제 서버가 기다리지 않았습니다(?io_ms=%2에서 p50 %1 ms). docs/validation.md의 ?io_ms= 약속을 따르지 않는 서버입니다</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: with %1 ms of I/O at %2 connection(s) the model ran at %3× and %4× the real server, within ±%5 % or slower</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 요청당 I/O %1 ms, 연결 %2개에서 모델이 실제 서버의 %3배와 %4배로, ±%5 % 안이거나 더 느렸습니다</translation>
    </message>
    <message>
        <source>cost after I/O: the real server with %1 ms of I/O at %2 connection(s)</source>
        <translation>I/O 뒤 비용: 요청당 I/O %1 ms, 연결 %2개에서 실제 서버</translation>
    </message>
    <message>
        <source>cost after I/O: the model with %1 µs after each wait with %2 ms of I/O at %3 connection(s)</source>
        <translation>I/O 뒤 비용: 대기마다 %1 µs를 쓰는 모델, 요청당 I/O %2 ms, 연결 %3개</translation>
    </message>
    <message>
        <source>warming up the real server (not counted)</source>
        <translation>실제 서버 예열 중(세지 않음)</translation>
    </message>
    <message>
        <source>framework cost after each I/O wait: not fitted, set to 0: with %1 ms of I/O at %2 connection(s) the real server served %3 req/s, %4 % of what its connections allow (%5 req/s): its CPU does not bound it there, so the cost after I/O does not show</source>
        <translation>I/O 대기마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 요청당 I/O %1 ms, 연결 %2개에서 실제 서버가 %3 req/s를 처리해, 연결 수가 허용하는 양(%5 req/s)의 %4 %였습니다: 그곳에서는 CPU가 한계가 아니므로 I/O 뒤 비용이 드러나지 않습니다</translation>
    </message>
    <message>
        <source>cost per new connection: the real server with a new connection per request at %1 connection(s)</source>
        <translation>새 연결 비용: 요청마다 새 연결, 연결 %1개에서 실제 서버</translation>
    </message>
    <message>
        <source>cost per new connection: the model with %1 µs with a new connection per request at %2 connection(s)</source>
        <translation>새 연결 비용: 요청마다 새 연결, 연결 %2개에서 새 연결당 %1 µs인 모델</translation>
    </message>
    <message>
        <source>framework cost per new connection: %1 µs, fitted in a closed loop to the real server&apos;s rate with a new connection per request at %2 connection(s) (real %3 req/s; the model without it at %4× that)</source>
        <translation>새 연결마다 드는 프레임워크 비용: %1 µs. 요청마다 새 연결, 연결 %2개에서 실제 서버의 처리량에 폐쇄 루프로 피팅했습니다(실제 %3 req/s, 이 비용 없는 모델은 그 %4배)</translation>
    </message>
    <message>
        <source>framework cost per new connection: %1 µs, the nearest of %2 steps, at %3× the real server with a new connection per request at %4 connection(s), outside ±%5 % (real %6 req/s; the model without it at %7× that)</source>
        <translation>새 연결마다 드는 프레임워크 비용: %1 µs. %2단계 중 가장 가까운 값으로, 요청마다 새 연결, 연결 %4개에서 실제 서버의 %3배이며 ±%5 % 밖입니다(실제 %6 req/s, 이 비용 없는 모델은 그 %7배)</translation>
    </message>
    <message>
        <source>framework cost per new connection: %1 µs, as given (--connection-us, or its slider), not fitted</source>
        <translation>새 연결마다 드는 프레임워크 비용: %1 µs. 주어진 값(--connection-us 또는 그 슬라이더)이라 피팅하지 않았습니다</translation>
    </message>
    <message>
        <source>framework cost per new connection: not fitted, set to 0: the model closes every connection, so the overhead fitted at zero work includes it</source>
        <translation>새 연결마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 모델이 응답마다 연결을 닫으므로 작업 없는 요청으로 피팅한 오버헤드에 이미 들어 있습니다</translation>
    </message>
    <message>
        <source>framework cost per new connection: not fitted, set to 0 (it needs the overhead verified first)</source>
        <translation>새 연결마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다(먼저 오버헤드가 검증되어야 합니다)</translation>
    </message>
    <message>
        <source>framework cost per new connection: not fitted, set to 0: asked with Connection: close, the real server closed only %1 of %2 connections after their response</source>
        <translation>새 연결마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. Connection: close로 요청했지만 실제 서버는 연결 %2개 중 %1개만 응답 뒤에 닫았습니다</translation>
    </message>
    <message>
        <source>framework cost per new connection: not fitted, set to 0: with a new connection per request at %1 connection(s) the model ran at %2× and %3× the real server, within ±%4 % or slower</source>
        <translation>새 연결마다 드는 프레임워크 비용: 피팅하지 않고 0으로 둡니다. 요청마다 새 연결, 연결 %1개에서 모델이 실제 서버의 %2배와 %3배로, ±%4 % 안이거나 더 느렸습니다</translation>
    </message>
    <message>
        <source>the model kept only about %1 of %2 connections busy (req/s × mean latency), the real server about %3: the model accepted new connections more slowly (it pays its cost per new connection, connection_us, where it accepts; fitted with Connection: close, that cost includes what closing one costs)</source>
        <translation>모델은 연결 %2개 중 약 %1개만 바쁘게 유지했고(req/s × 평균 지연 시간) 실제 서버는 약 %3개였습니다: 모델이 새 연결을 더 느리게 받아들였습니다(새 연결 비용 connection_us를 받아들이는 곳에서 치르며, Connection: close로 피팅했으므로 연결을 닫는 비용까지 들어 있습니다)</translation>
    </message>
    <message>
        <source>the real server kept only about %1 of %2 connections busy (req/s × mean latency), the model about %3: the real server accepted new connections more slowly (one accept per turn of a busy loop, as Node&apos;s and gthread&apos;s)</source>
        <translation>실제 서버는 연결 %2개 중 약 %1개만 바쁘게 유지했고(req/s × 평균 지연 시간) 모델은 약 %3개였습니다: 실제 서버가 새 연결을 더 느리게 받아들였습니다(Node와 gthread처럼 바쁜 루프가 한 바퀴에 한 번만 accept합니다)</translation>
    </message>
    <message>
        <source>framework cost per new connection: %1 µs, the first estimate, kept: the overhead fitted with it was not verified, so it was not fitted further</source>
        <translation>새 연결마다 드는 프레임워크 비용: %1 µs. 첫 추정값을 그대로 둡니다: 이 값으로 피팅한 오버헤드가 검증되지 않아 더 피팅하지 않았습니다</translation>
    </message>
    <message>
        <source>the real server answered some requests a turn late (its p99 %1× its p50), the model each in its turn (%2×): a connection whose next request comes just after the loop polls waits a turn more, a race with the client&apos;s round trip that the load generator in the model&apos;s process wins more often</source>
        <translation>실제 서버는 일부 요청에 한 바퀴 늦게 응답했고(p99가 p50의 %1배), 모델은 각 요청을 제 바퀴에 응답했습니다(%2배): 루프가 폴링한 직후에 다음 요청이 온 연결은 한 바퀴를 더 기다립니다. 클라이언트 왕복 시간과의 경주이며, 모델과 같은 프로세스 안의 부하 생성기가 더 자주 이깁니다</translation>
    </message>
    <message>
        <source>the model left %1 requests unanswered when the run ended (the longest had waited %2 s), the real server %3: the model took new connections more slowly than the real server (one accept per turn of its loop) or starved some</source>
        <translation>모델은 실행이 끝날 때 요청 %1개에 응답하지 못했고(가장 오래 기다린 요청은 %2초), 실제 서버는 %3개였습니다: 모델이 실제 서버보다 새 연결을 더 느리게 받았거나(루프 한 바퀴에 accept 한 번) 일부 연결을 굶겼습니다</translation>
    </message>
    <message>
        <source>the real server left %1 requests unanswered when the run ended (the longest had waited %2 s), the model %3: the real server took new connections more slowly than the model (one accept per turn of its loop) or starved some</source>
        <translation>실제 서버는 실행이 끝날 때 요청 %1개에 응답하지 못했고(가장 오래 기다린 요청은 %2초), 모델은 %3개였습니다: 실제 서버가 모델보다 새 연결을 더 느리게 받았거나(루프 한 바퀴에 accept 한 번) 일부 연결을 굶겼습니다</translation>
    </message>
    <message>
        <source>the real server was still getting faster after %1 unmeasured runs (its last ended %2 % faster than it began): calibrate again once it has settled</source>
        <translation>실제 서버는 측정하지 않은 실행 %1번 뒤에도 빨라지고 있었습니다(마지막 실행은 끝이 시작보다 %2 % 빨랐습니다): 서버가 안정된 뒤 다시 보정하세요</translation>
    </message>
    <message>
        <source>ok within the real server&apos;s own spread: its %1 runs ranged %2–%3 req/s and %4–%5 ms p99</source>
        <translation>정상 (실제 서버 자체의 편차 안): %1회 실행이 %2–%3 req/s, p99 %4–%5 ms 사이에서 달랐음</translation>
    </message>
    <message>
        <source>before this run the real server took %1 s to answer one request: it was still serving connections an earlier run left in its accept queue</source>
        <translation>이 실행 전에 실제 서버가 요청 하나에 응답하는 데 %1초가 걸렸습니다: 이전 실행이 accept 대기열에 남긴 연결을 아직 처리하고 있었습니다</translation>
    </message>
    <message>
        <source>before this run the real server answered no request within %1 s: it may still be serving connections an earlier run left in its accept queue</source>
        <translation>이 실행 전에 실제 서버가 %1초 안에 요청에 응답하지 않았습니다: 이전 실행이 accept 대기열에 남긴 연결을 아직 처리하고 있을 수 있습니다</translation>
    </message>
    <message>
        <source>against the median of the real server&apos;s %1 runs in this calibration (%2 req/s), not the verification&apos;s own pairs (%3×): its runs spread %4 % while the model&apos;s stayed within %5 %, a wander of the server&apos;s own that pairs of runs do not cancel</source>
        <translation>검증 자체의 실행 쌍(%3×)이 아니라 이번 보정에서 실제 서버가 실행한 %1회의 중앙값(%2 req/s)과 비교함: 모델의 실행은 %5 % 안에 머물렀는데 실제 서버의 실행은 %4 % 퍼졌습니다. 이는 실행 쌍으로 상쇄되지 않는 서버 자체의 흔들림입니다</translation>
    </message>
    <message>
        <source>%1 model runs were run again because one worker had served less than half its share (the connections landed on the worker that won the kernel&apos;s accept race): a small cost per new connection lets one worker take a whole burst</source>
        <translation>워커 하나가 자기 몫의 절반도 처리하지 못해 모델 실행 %1번을 다시 했습니다(연결이 커널의 accept 경쟁에서 이긴 워커에 몰렸습니다): 새 연결당 비용이 작으면 워커 하나가 몰려온 연결을 모두 가져갑니다</translation>
    </message>
    <message>
        <source>%1 (a race: more runs)</source>
        <translation>%1 (경합: 추가 실행)</translation>
    </message>
    <message>
        <source>the model&apos;s slowest response took %1 ms, the real server&apos;s %2 ms, at about the same rate: some of the model&apos;s connections waited to be taken (it took the first burst of new connections more slowly than the real server, one accept per turn of its loop once its turns grew long; the kernel dropped %3 handshakes, retried after 1 s)</source>
        <translation>모델의 가장 느린 응답은 %1 ms, 실제 서버는 %2 ms였고 처리율은 거의 같음: 모델의 일부 연결이 받아들여지기를 기다림 (모델이 첫 새 연결 폭주를 실제 서버보다 느리게 받아들임, 루프가 길어진 뒤에는 한 바퀴에 하나씩 accept; 커널이 핸드셰이크 %3개를 버렸고 1초 뒤 재시도됨)</translation>
    </message>
    <message>
        <source>the model&apos;s slowest response took %1 ms, the real server&apos;s %2 ms, at about the same rate: some of the model&apos;s connections waited to be taken (it took the first burst of new connections more slowly than the real server, one accept per turn of its loop once its turns grew long)</source>
        <translation>모델의 가장 느린 응답은 %1 ms, 실제 서버는 %2 ms였고 처리율은 거의 같음: 모델의 일부 연결이 받아들여지기를 기다림 (모델이 첫 새 연결 폭주를 실제 서버보다 느리게 받아들임, 루프가 길어진 뒤에는 한 바퀴에 하나씩 accept)</translation>
    </message>
    <message>
        <source>ok as a race: p99 below %1 ms in %2 of %3 real runs and %4 of %5 model runs (Fisher&apos;s exact test p = %6): each run lands low or high, and how often does not differ between the two beyond chance</source>
        <translation>경합으로 정상: p99가 %1 ms 아래인 실행이 실제 %3회 중 %2회, 모델 %5회 중 %4회 (Fisher 정확 검정 p = %6): 실행마다 낮거나 높게 놓이며, 그 빈도는 양쪽이 우연 이상으로 다르지 않음</translation>
    </message>
    <message>
        <source>a race: p99 below %1 ms in %2 of %3 real runs and %4 of %5 model runs (Fisher&apos;s exact test p = %6): one side lands low more often; the two take the first burst of connections at another pace</source>
        <translation>경합: p99가 %1 ms 아래인 실행이 실제 %3회 중 %2회, 모델 %5회 중 %4회 (Fisher 정확 검정 p = %6): 한쪽이 더 자주 낮게 놓임; 둘이 첫 연결 폭주를 다른 속도로 받아들임</translation>
    </message>
</context>
<context>
    <name>InternalsChart</name>
    <message>
        <source>loop delay p99 (ms)</source>
        <translation>루프 지연 p99 (ms)</translation>
    </message>
    <message>
        <source>How late a timer due every 10 ms fired on the loop, p99 of the tick: Node&apos;s perf_hooks.monitorEventLoopDelay() percentile(99). Near 0 = the loop is free; CPU work on the loop delays it by about the CPU time of a request.</source>
        <translation>10 ms마다 예약된 타이머가 루프에서 얼마나 늦게 실행됐는지, 틱 안의 p99: Node의 perf_hooks.monitorEventLoopDelay()의 percentile(99). 0에 가까우면 루프가 한가하다는 뜻이고, 루프에서 CPU 작업을 하면 요청 하나의 CPU 시간만큼 늦어집니다.</translation>
    </message>
    <message>
        <source>loop delay max (ms)</source>
        <translation>루프 지연 최대 (ms)</translation>
    </message>
    <message>
        <source>The worst lateness of that timer in the tick (monitorEventLoopDelay().max), a timer still overdue included.</source>
        <translation>그 타이머가 틱 안에서 가장 늦게 실행된 시간(monitorEventLoopDelay().max). 아직 실행되지 못한 타이머도 포함합니다.</translation>
    </message>
    <message>
        <source>loop busy (%)</source>
        <translation>루프 사용률 (%)</translation>
    </message>
    <message>
        <source>Share of the tick the loop spent running handlers: Node&apos;s performance.eventLoopUtilization(). Near 100 % = the single thread is saturated.</source>
        <translation>틱 중 루프가 핸들러를 실행하는 데 쓴 비율: Node의 performance.eventLoopUtilization(). 100 %에 가까우면 단일 스레드가 포화 상태입니다.</translation>
    </message>
    <message>
        <source>GIL held (%)</source>
        <translation>GIL 점유 (%)</translation>
    </message>
    <message>
        <source>Share of the tick some thread held the GIL, as gil_load (CPython) reports it. Near 100 % = CPU-bound on one core: more threads cannot help, more processes can.</source>
        <translation>틱 중 어떤 스레드든 GIL을 쥐고 있던 비율(CPython의 gil_load가 보고하는 값). 100 %에 가까우면 코어 하나에 묶인 CPU 바운드 상태입니다: 스레드를 늘려도 소용없고, 프로세스를 늘려야 합니다.</translation>
    </message>
    <message>
        <source>threads waiting for the GIL</source>
        <translation>GIL을 기다리는 스레드</translation>
    </message>
    <message>
        <source>Threads blocked on the GIL, time average over the tick (gil_load&apos;s wait, per4m&apos;s waiting threads). About threads − 1 when every thread computes.</source>
        <translation>GIL에 막혀 기다리는 스레드 수의 틱 평균(gil_load의 wait, per4m의 대기 스레드). 모든 스레드가 계산 중이면 대략 스레드 수 − 1입니다.</translation>
    </message>
    <message>
        <source>GIL wait p99 (ms)</source>
        <translation>GIL 대기 p99 (ms)</translation>
    </message>
    <message>
        <source>Wait per GIL acquisition, p99 (per4m&apos;s take_gil wait): about one switch interval (sys.setswitchinterval, 5 ms by default) for every waiter ahead.</source>
        <translation>GIL을 한 번 얻을 때까지의 대기 시간 p99(per4m의 take_gil 대기): 앞에 선 대기자 하나마다 전환 간격(sys.setswitchinterval, 기본 5 ms)만큼입니다.</translation>
    </message>
    <message>
        <source>GIL hand-offs/s</source>
        <translation>GIL 넘겨주기/s</translation>
    </message>
    <message>
        <source>Times per second the GIL went to another thread. With threads competing for CPU it is at most 1 / sys.getswitchinterval() (200/s at 5 ms).</source>
        <translation>초당 GIL이 다른 스레드로 넘어간 횟수. 스레드들이 CPU를 두고 경쟁하면 최대 1 / sys.getswitchinterval()입니다(5 ms에서 200/s).</translation>
    </message>
    <message>
        <source>forced GIL drops/s</source>
        <translation>강제 GIL 해제/s</translation>
    </message>
    <message>
        <source>Waiters that timed out after one switch interval and set gil_drop_request, forcing the holder to let go at its next eval-breaker check (CPython&apos;s ceval_gil.c).</source>
        <translation>전환 간격 한 번을 기다린 뒤 gil_drop_request를 설정해, 점유 중인 스레드가 다음 eval-breaker 검사에서 GIL을 내놓게 만든 대기자 수(CPython의 ceval_gil.c).</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>The new language applies when Concurrency Lab starts again. Restart now? A run in progress is stopped.</source>
        <translation>새 언어는 Concurrency Lab을 다시 시작하면 적용됩니다. 지금 다시 시작할까요? 진행 중인 실행은 정지됩니다.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>지금 다시 시작</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>나중에</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>시스템 언어 (%1)</translation>
    </message>
</context>
<context>
    <name>Preset</name>
    <message>
        <source>I/O-bound: event loop vs 10 GIL threads at 1,000 connections</source>
        <translation>I/O 바운드: 연결 1,000개에서 이벤트 루프 대 GIL 스레드 10개</translation>
    </message>
    <message>
        <source>Every request waits 50 ms on a downstream call and uses no CPU. The event loop keeps all 1,000 connections in service and answers about 1,000 / 0.05 s = 20,000 requests a second; a pool of 10 GIL threads serves 10 at a time (about 200 req/s) and the other 990 wait, for seconds. The folklore &apos;Flask handles ten connections&apos; is the pool size, not Python.</source>
        <translation>모든 요청이 하위 호출에서 50 ms를 기다리고 CPU는 쓰지 않습니다. 이벤트 루프는 연결 1,000개를 모두 처리 중으로 유지하며 초당 약 1,000 / 0.05 s = 20,000개 요청에 응답합니다. GIL 스레드 10개짜리 풀은 한 번에 10개만 처리하고(약 200 req/s) 나머지 990개는 몇 초씩 기다립니다. &apos;Flask는 연결 열 개를 처리한다&apos;는 통념은 Python이 아니라 풀 크기 이야기입니다.</translation>
    </message>
    <message>
        <source>CPU-bound: GIL threads gain nothing</source>
        <translation>CPU 바운드: GIL 스레드는 얻는 게 없다</translation>
    </message>
    <message>
        <source>Every request computes for 5 ms. One event-loop thread manages about 200 req/s (1 s / 5 ms). Ten GIL-locked threads manage the same 200: only the thread holding the lock computes, so the extra threads add waiting, not throughput, and the lock&apos;s 5 ms hand-offs lengthen the tail.</source>
        <translation>모든 요청이 5 ms 동안 계산합니다. 이벤트 루프 스레드 하나는 약 200 req/s(1 s / 5 ms)를 처리합니다. GIL에 묶인 스레드 열 개도 똑같이 200입니다: 락을 쥔 스레드만 계산하므로 스레드를 더해도 처리량이 아니라 대기만 늘고, 락의 5 ms 넘겨주기가 꼬리 지연을 늘립니다.</translation>
    </message>
    <message>
        <source>Use every core: process per core</source>
        <translation>모든 코어를 쓰기: 코어당 프로세스</translation>
    </message>
    <message>
        <source>The same 5 ms CPU-bound handler, on one event loop and on 2 worker processes (Node&apos;s cluster, gunicorn&apos;s workers). Separate processes compute in parallel, so throughput roughly doubles on 2 cores and latency halves, until the cores (which the load generator shares) run out.</source>
        <translation>같은 5 ms CPU 바운드 핸들러를 이벤트 루프 하나와 워커 프로세스 2개(Node cluster, gunicorn 워커)에서 돌립니다. 별개의 프로세스는 병렬로 계산하므로, 코어 2개에서 처리량은 대략 두 배가 되고 지연 시간은 절반이 됩니다. 코어(부하 생성기도 함께 씀)가 바닥날 때까지는요.</translation>
    </message>
    <message>
        <source>Flask dev server: one thread per connection</source>
        <translation>Flask 개발 서버: 연결마다 스레드 하나</translation>
    </message>
    <message>
        <source>Event loop: one slow handler blocks everyone</source>
        <translation>이벤트 루프: 느린 핸들러 하나가 모두를 막는다</translation>
    </message>
    <message>
        <source>100 connections, each request 2 ms of CPU and 20 ms of I/O. The loop overlaps the waits but computes one request at a time: at most 500 req/s, and every request queues behind the CPU work of the others, so latency is about 100 x 2 ms = 200 ms, not 22 ms. Move the CPU slider while it runs and watch the waiting line.</source>
        <translation>연결 100개, 요청마다 CPU 2 ms와 I/O 20 ms. 루프는 대기를 겹치지만 계산은 한 번에 요청 하나씩입니다: 최대 500 req/s이고, 모든 요청이 다른 요청들의 CPU 작업 뒤에 줄을 서므로 지연 시간은 22 ms가 아니라 약 100 x 2 ms = 200 ms입니다. 실행 중에 CPU 슬라이더를 움직여 대기 중 선을 지켜보세요.</translation>
    </message>
    <message>
        <source>Convoy effect: one CPU-heavy request delays I/O-bound ones</source>
        <translation>호위 효과: CPU가 무거운 요청 하나가 I/O 바운드 요청들을 늦춘다</translation>
    </message>
    <message>
        <source>Ten connections make I/O-bound requests (5 ms wait, no CPU): alone they take about 5 ms. One more connection sends requests that compute for 50 ms. Under the GIL, every I/O-bound thread that comes back from its wait must take the lock from the CPU-bound one, which lets go only after a 5 ms switch interval: the I/O-bound requests slow down several-fold (bpo-7946). On the event loop it is worse: the heavy handler blocks the only thread, so every other request waits for it in full. The charts show the ten I/O-bound connections; the heavy one is counted apart.</source>
        <translation>연결 열 개가 I/O 바운드 요청(대기 5 ms, CPU 없음)을 보냅니다: 이것들만 있으면 약 5 ms 걸립니다. 연결 하나가 더해져 50 ms 동안 계산하는 요청을 보냅니다. GIL 아래에서는 대기를 마치고 돌아온 I/O 바운드 스레드마다 CPU 바운드 스레드에게서 락을 가져와야 하는데, 그 스레드는 5 ms 전환 간격이 지나야 락을 놓습니다: I/O 바운드 요청이 몇 배 느려집니다(bpo-7946). 이벤트 루프에서는 더 나쁩니다: 무거운 핸들러가 유일한 스레드를 막으므로 다른 요청은 모두 그것이 끝날 때까지 기다립니다. 차트는 I/O 바운드 연결 열 개를 보여 주고, 무거운 연결은 따로 셉니다.</translation>
    </message>
    <message>
        <source>Slow clients: the event loop shrugs, a 10-thread pool freezes while they stay</source>
        <translation>느린 클라이언트: 이벤트 루프는 끄떡없고, 스레드 10개짜리 풀은 그동안 멈춘다</translation>
    </message>
    <message>
        <source>50 connections make I/O-bound requests (10 ms wait), and 10 more clients send a request one byte a second and never finish it (slowloris). The event loop reads them without blocking and serves on at full speed; Node would answer them 408 after its 60 s headersTimeout. A gunicorn-style pool of 10 threads gives each slow client a thread that waits in recv() for the rest of its request: gunicorn has no header timeout, so the pool serves nothing for as long as they stay (0 req/s). Werkzeug&apos;s thread per connection (threads 0) would shrug too: slow clients cost it threads, not service. The slow clients are counted apart.</source>
        <translation>연결 50개가 I/O 바운드 요청(대기 10 ms)을 보내고, 클라이언트 10개가 더해져 요청을 초당 1바이트씩 보내며 끝내지 않습니다(slowloris). 이벤트 루프는 막히지 않고 이들을 읽으며 전속력으로 계속 처리합니다. Node라면 60초 headersTimeout 뒤에 408로 응답합니다. gunicorn 방식의 스레드 10개짜리 풀은 느린 클라이언트마다 스레드를 하나씩 내주고, 그 스레드는 요청의 나머지를 recv()에서 기다립니다: gunicorn에는 헤더 타임아웃이 없으므로, 그들이 머무는 동안 풀은 아무것도 처리하지 못합니다(0 req/s). Werkzeug의 연결마다 스레드(스레드 0)도 끄떡없습니다: 느린 클라이언트는 스레드를 쓸 뿐 처리를 막지 않습니다. 느린 클라이언트는 따로 셉니다.</translation>
    </message>
    <message>
        <source>Slow clients vs gunicorn sync workers: killed and replaced after 30 s</source>
        <translation>느린 클라이언트 대 gunicorn sync 워커: 30초 뒤 강제 종료되고 대체된다</translation>
    </message>
    <message>
        <source>2 gunicorn-style sync workers (process per core, one thread each, the kernel spreading connections) and 2 clients that send a request one byte a second and never finish it. A worker reading such a request is stuck, stops reporting to its arbiter, and after gunicorn&apos;s 30 s timeout it is killed and replaced (a marker on the charts, a restart in the summary); the requests of the connections it held fail. Then the slow clients come straight back and the new workers are stuck in turn: the timeout bounds one stuck request, not clients that keep coming, which is why gunicorn&apos;s documentation asks for a buffering proxy (nginx) in front. A gthread worker would never be killed: its main loop keeps reporting while its pool threads wait.</source>
        <translation>gunicorn 방식의 sync 워커 2개(코어당 프로세스, 워커마다 스레드 하나, 커널이 연결을 나눔)와, 요청을 초당 1바이트씩 보내며 끝내지 않는 클라이언트 2개. 그런 요청을 읽는 워커는 멈춰서 arbiter에 보고하지 못하고, gunicorn의 30초 타임아웃 뒤에 강제 종료되고 대체됩니다(차트에 표시, 요약에 재시작 1회). 그 워커가 붙잡고 있던 연결의 요청은 실패합니다. 그런데 느린 클라이언트가 곧바로 돌아와 새 워커도 차례로 멈춥니다: 타임아웃은 멈춘 요청 하나를 끊을 뿐 계속 오는 클라이언트는 막지 못합니다. gunicorn 문서가 앞단에 버퍼링 프록시(nginx)를 두라고 하는 이유입니다. gthread 워커라면 강제 종료되지 않습니다: 풀의 스레드가 기다리는 동안에도 메인 루프는 계속 보고합니다.</translation>
    </message>
    <message>
        <source>gunicorn sync workers (2 × cores + 1): 1,000 connections, 5 served at once</source>
        <translation>gunicorn sync 워커 (2 × 코어 + 1): 연결 1,000개, 동시에 5개 처리</translation>
    </message>
    <message>
        <source>gunicorn&apos;s sync worker, as its docs advise: workers = 2 × cores + 1 = 5 on this 2-core machine (the file says 5; gunicorn&apos;s own default is 1 worker). Each is a process with one thread (threads 1), accepting on the shared socket (kernel) and closing the connection after every response (keep-alive off) and accepting the next one only then (worker connections 1: a sync worker&apos;s loop is accept, handle, close). 1,000 connections, each request 50 ms of I/O: the server-side in-service count stays at 5, about 5 / 0.05 s = 100 req/s, and the other 995 wait seconds in the accept queue. That is where &apos;Flask handles about ten connections&apos; comes from: the worker count, not Python.</source>
        <translation>gunicorn 문서가 권하는 대로 설정한 sync 워커: 워커 = 2 × 코어 + 1 = 이 2코어 머신에서 5(파일에 5로 적혀 있음; gunicorn의 기본값은 워커 1개). 각 워커는 스레드 하나짜리 프로세스(스레드 1)이고, 공유 소켓에서 accept하며(kernel), 응답할 때마다 연결을 닫고(keep-alive 끔) 그다음에야 다음 연결을 받습니다(워커당 연결 1: sync 워커의 루프는 accept, 처리, close). 연결 1,000개, 요청마다 I/O 50 ms: 서버 쪽 처리 중 수는 5에 머물러 약 5 / 0.05 s = 100 req/s이고, 나머지 995개는 accept 대기열에서 몇 초씩 기다립니다. &apos;Flask는 연결 열 개 정도를 처리한다&apos;는 말은 여기서 나옵니다: Python이 아니라 워커 수입니다.</translation>
    </message>
    <message>
        <source>gunicorn gthread (5 workers × 4 threads) vs sync: 4× the requests in service</source>
        <translation>gunicorn gthread (워커 5개 × 스레드 4개) 대 sync: 처리 중 요청이 4배</translation>
    </message>
    <message>
        <source>The same 5 gunicorn workers on the same 1,000 I/O-bound connections (50 ms wait per request): sync workers (threads 1, keep-alive off) accept one connection at a time and serve 5 requests at once, about 100 req/s; gthread workers with --threads 4 (the docs suggest 2-4 × cores; gunicorn&apos;s default is 1) serve workers × threads = 20, about 400 req/s, keep connections alive 2 s and hold up to 1,000 connections each (gunicorn&apos;s worker_connections default). Look at the in-service line: it is the product, never more. Threads release the GIL while they wait, so the GIL costs nothing here.</source>
        <translation>같은 gunicorn 워커 5개, 같은 I/O 바운드 연결 1,000개(요청마다 대기 50 ms): sync 워커(스레드 1, keep-alive 끔)는 한 번에 연결 하나만 받아 동시에 요청 5개를 처리하며 약 100 req/s입니다. --threads 4의 gthread 워커(문서는 2-4 × 코어를 권함; gunicorn 기본값은 1)는 워커 × 스레드 = 20개를 처리해 약 400 req/s이고, 연결을 2초 동안 유지하며 워커마다 최대 1,000개 연결을 붙잡습니다(gunicorn의 worker_connections 기본값). 처리 중 선을 보세요: 곱한 값이고, 그보다 많아지지 않습니다. 스레드는 기다리는 동안 GIL을 풀므로 여기서 GIL은 비용이 없습니다.</translation>
    </message>
    <message>
        <source>gunicorn + gevent shrugs at 1,000 I/O-bound connections; sync workers serve 5</source>
        <translation>gunicorn + gevent는 I/O 바운드 연결 1,000개에 끄떡없고, sync 워커는 5개를 처리한다</translation>
    </message>
    <message>
        <source>gunicorn -k gevent: 5 worker processes (2 × cores + 1), each one event loop of green threads (an event loop in all but name: one OS thread, so the GIL never matters), each accepting at most 1,000 connections (gevent&apos;s worker_connections default). Flask&apos;s own cost per request is the overhead (340 µs: the median of six `conclab-cli calibrate --scenario` runs of this file against bench/werkzeug_app.py&apos;s hello world under gunicorn -k gevent -w 5 on a busy 2-core machine, 139 to 552 µs; one gave 3,522 req/s real, 3,127 fitted, ratio 0.89. bench/recipes_vs_real.sh repeats it on yours). 1,000 connections, 50 ms of I/O each: gevent keeps them all in service and answers thousands of requests a second, like Node; the same 5 sync workers serve 5 at a time, about 100 req/s.</source>
        <translation>gunicorn -k gevent: 워커 프로세스 5개(2 × 코어 + 1), 각각 그린 스레드로 된 이벤트 루프 하나(이름만 다를 뿐 이벤트 루프: OS 스레드가 하나라 GIL은 문제가 되지 않음), 각각 최대 1,000개 연결을 받습니다(gevent의 worker_connections 기본값). 요청당 Flask 자체 비용은 오버헤드입니다(340 µs: 바쁜 2코어 머신에서 gunicorn -k gevent -w 5로 띄운 bench/werkzeug_app.py의 hello world에 이 파일로 `conclab-cli calibrate --scenario`를 여섯 번 돌린 결과의 중앙값, 139~552 µs; 한 번은 실제 3,522 req/s, 피팅 3,127, 비율 0.89였습니다. bench/recipes_vs_real.sh로 내 머신에서 다시 잴 수 있습니다). 연결 1,000개, 각각 I/O 50 ms: gevent는 Node처럼 모두를 처리 중으로 두고 초당 수천 개 요청에 응답합니다. 같은 sync 워커 5개는 한 번에 5개씩, 약 100 req/s를 처리합니다.</translation>
    </message>
    <message>
        <source>gunicorn + gevent blocks on CPU work, like Node</source>
        <translation>gunicorn + gevent는 Node처럼 CPU 작업에 막힌다</translation>
    </message>
    <message>
        <source>The same gevent workers (5 processes, one event loop of green threads each, worker_connections 1,000, Flask&apos;s 340 µs per request, calibrated as in the gevent vs sync preset) with 200 connections doing 20 ms of I/O, and 2 more connections sending requests that compute for 200 ms. A green thread computing never yields: every other connection of its worker waits until it returns, so each time a heavy request lands, the p99 of the light requests jumps from about 20 ms to hundreds of ms or more and the waiting line rises; the p50 stays near 20 ms because the other workers go on. Green threads make I/O cheap, not CPU work; use sync or gthread workers (or a task queue) for that.</source>
        <translation>같은 gevent 워커(프로세스 5개, 각각 그린 스레드 이벤트 루프 하나, worker_connections 1,000, 요청당 Flask 340 µs, gevent 대 sync 프리셋처럼 보정함)에 I/O 20 ms짜리 연결 200개, 그리고 200 ms 동안 계산하는 요청을 보내는 연결 2개를 더합니다. 계산 중인 그린 스레드는 양보하지 않습니다: 그 워커의 다른 연결은 모두 그것이 끝날 때까지 기다립니다. 그래서 무거운 요청이 들어올 때마다 가벼운 요청의 p99가 약 20 ms에서 수백 ms 이상으로 뛰고 대기 중 선이 올라갑니다. 다른 워커들은 계속 돌아가므로 p50은 20 ms 근처에 머뭅니다. 그린 스레드는 I/O를 싸게 만들 뿐 CPU 작업을 싸게 만들지는 않습니다. CPU 작업에는 sync나 gthread 워커(또는 작업 큐)를 쓰세요.</translation>
    </message>
    <message>
        <source>nginx in front of 2 Flask instances vs 1: two GILs, nearly twice the requests</source>
        <translation>Flask 인스턴스 2개 앞의 nginx 대 1개: GIL 두 개, 요청은 거의 두 배</translation>
    </message>
    <message>
        <source>Two Flask dev servers (one thread per connection, Connection: close, one GIL each) behind one port, connections handed out in turn as nginx&apos;s upstream round-robin does, against a single instance. 200 connections; each request costs 2 ms of Python CPU and 20 ms of I/O, so one GIL caps an instance below 500 req/s: two instances compute on both cores and get close to twice that, less what the load generator takes. Debian&apos;s nginx.conf has worker_connections 768 per nginx worker (2 workers on 2 cores) and a proxied request holds two connections (client and upstream): at most 768 requests in flight, which the model puts as 384 connections per instance. It binds past 768 connections: move the connections slider beyond it and the rest wait in the accept queue.</source>
        <translation>Flask 개발 서버 두 개(연결마다 스레드 하나, Connection: close, 각자 GIL 하나)를 포트 하나 뒤에 두고, nginx의 upstream 라운드 로빈처럼 연결을 차례로 나눠 줍니다. 이를 인스턴스 하나와 비교합니다. 연결 200개; 요청마다 Python CPU 2 ms와 I/O 20 ms가 들므로 GIL 하나가 인스턴스를 500 req/s 아래로 묶습니다. 인스턴스 두 개는 두 코어에서 계산하므로 그 두 배에 가까워지고, 부하 생성기가 가져가는 만큼 모자랍니다. Debian의 nginx.conf는 nginx 워커당 worker_connections 768(코어 2개에 워커 2개)이고, 프록시된 요청 하나는 연결 두 개(클라이언트와 upstream)를 붙잡습니다: 동시에 최대 768개 요청이며, 모델은 이를 인스턴스당 연결 384개로 둡니다. 연결 768개를 넘으면 이 한도가 걸립니다: 연결 슬라이더를 그 너머로 옮기면 나머지는 accept 대기열에서 기다립니다.</translation>
    </message>
    <message>
        <source>Node cluster (one worker per core) vs one Node process: CPU-bound, ~2× on 2 cores</source>
        <translation>Node cluster (코어마다 워커 하나) 대 Node 프로세스 하나: CPU 바운드, 코어 2개에서 ~2배</translation>
    </message>
    <message>
        <source>Node&apos;s cluster module: one worker process per core (workers 0 = the number of cores), the primary handing connections out round-robin (SCHED_RR, the default on Linux). Each request computes 5 ms, on 10 connections. One Node process computes one request at a time on one core (about 200 req/s); the cluster computes on every core, so throughput roughly doubles on 2 cores and latency halves, less what the load generator takes from the same cores.</source>
        <translation>Node의 cluster 모듈: 코어마다 워커 프로세스 하나(워커 0 = 코어 수), 주 프로세스가 연결을 라운드 로빈으로 나눠 줍니다(SCHED_RR, Linux의 기본값). 연결 10개에서 요청마다 5 ms를 계산합니다. Node 프로세스 하나는 코어 하나에서 한 번에 요청 하나를 계산하고(약 200 req/s), 클러스터는 모든 코어에서 계산하므로 코어 2개에서 처리량은 대략 두 배, 지연 시간은 절반이 됩니다. 부하 생성기가 같은 코어에서 가져가는 만큼은 모자랍니다.</translation>
    </message>
    <message>
        <source>Node cluster vs one Node process: I/O-bound, the cluster gains little</source>
        <translation>Node cluster 대 Node 프로세스 하나: I/O 바운드, 클러스터는 얻는 게 적다</translation>
    </message>
    <message>
        <source>The same cluster (one worker per core, round-robin) and a single Node process on 1,000 connections whose requests wait 50 ms on I/O and compute nothing. One event loop already keeps all 1,000 in service (about 1,000 / 0.05 s = 20,000 req/s at most), so more processes have nothing to add: the two runs land close together, the cluster&apos;s only gain being the per-request CPU it spreads over the cores. Scale out for CPU, not for waiting.</source>
        <translation>같은 클러스터(코어마다 워커 하나, 라운드 로빈)와 Node 프로세스 하나를, I/O에서 50 ms 기다리고 계산은 하지 않는 연결 1,000개로 돌립니다. 이벤트 루프 하나가 이미 1,000개를 모두 처리 중으로 유지하므로(최대 약 1,000 / 0.05 s = 20,000 req/s) 프로세스를 늘려도 더할 게 없습니다: 두 실행의 결과가 비슷하고, 클러스터가 얻는 것은 요청당 CPU를 코어들에 나눠 주는 것뿐입니다. 확장은 CPU를 위해 하는 것이지 대기를 위해 하는 게 아닙니다.</translation>
    </message>
    <message>
        <source>Sweep, I/O-bound: event loop vs 10 GIL threads vs process per core</source>
        <translation>스윕, I/O 바운드: 이벤트 루프 대 GIL 스레드 10개 대 코어당 프로세스</translation>
    </message>
    <message>
        <source>Every request waits 50 ms on a downstream call and uses no CPU. The event loop&apos;s throughput grows with N like the linear ideal (X = N / 50 ms: σ and κ near 0); a pool of 10 GIL threads stops at 10 / 50 ms = 200 req/s from N = 10 on (a serial bottleneck: σ grows, N* near 10) and its latency R = N / X climbs; process per core scales like the event loop. 8 points × (2 s + 0.5 s warm-up) per model.</source>
        <translation>모든 요청이 하위 호출에서 50 ms를 기다리고 CPU는 쓰지 않습니다. 이벤트 루프의 처리량은 N에 따라 선형 이상치처럼 늘어납니다(X = N / 50 ms: σ와 κ가 0 근처). GIL 스레드 10개짜리 풀은 N = 10부터 10 / 50 ms = 200 req/s에서 멈추고(직렬 병목: σ가 커지고 N*는 10 근처) 지연 시간 R = N / X가 올라갑니다. 코어당 프로세스는 이벤트 루프처럼 확장됩니다. 모델마다 점 8개 × (2초 + 워밍업 0.5초).</translation>
    </message>
    <message>
        <source>Sweep, CPU-bound: event loop vs 10 GIL threads vs process per core</source>
        <translation>스윕, CPU 바운드: 이벤트 루프 대 GIL 스레드 10개 대 코어당 프로세스</translation>
    </message>
    <message>
        <source>Every request computes for 5 ms. One event loop is saturated by a single client (X = 1 / 5 ms = 200 req/s, σ near 1: more connections only queue); 10 GIL-locked threads are no better, only the lock holder computes; process per core adds a core per worker, so X grows up to the number of cores and then flattens. 8 points × (2 s + 0.5 s warm-up) per model.</source>
        <translation>모든 요청이 5 ms 동안 계산합니다. 이벤트 루프 하나는 클라이언트 하나로 포화됩니다(X = 1 / 5 ms = 200 req/s, σ는 1 근처: 연결을 늘려도 줄만 섬). GIL에 묶인 스레드 10개도 나을 게 없습니다. 락을 쥔 스레드만 계산하니까요. 코어당 프로세스는 워커마다 코어를 하나씩 더하므로 X가 코어 수까지 늘다가 평평해집니다. 모델마다 점 8개 × (2초 + 워밍업 0.5초).</translation>
    </message>
    <message>
        <source>What a connection costs: event loop vs a thread per connection at 1,000 / 5,000 / 10,000 idle connections</source>
        <translation>연결 하나의 비용: 유휴 연결 1,000 / 5,000 / 10,000개에서 이벤트 루프 대 연결마다 스레드</translation>
    </message>
    <message>
        <source>Beside 10 busy connections, 1,000, 5,000 and then 10,000 connections send one request and then wait, open (the keep-alive timeout is lifted for them). The event loop holds each as a small object and a descriptor: its threads stay at 3 and its memory grows by a few KiB per connection. A thread per connection (Werkzeug&apos;s threaded server) gives each its own thread, parked in recv(): threads follow the connections one for one and memory grows several times faster (the thread&apos;s touched stack and its bookkeeping). The Cost chart draws memory and threads against connections; the report&apos;s memory per connection is the slope. 3 points × (3 s measured after 17 s while they open: a thread per connection starts its 10,000 threads in about 15 s, and a point measured before that would be a point at fewer connections) per model.</source>
        <translation>바쁜 연결 10개 옆에서 1,000개, 5,000개, 그다음 10,000개 연결이 요청 하나를 보낸 뒤 열어 둔 채 기다립니다(이들에게는 keep-alive 타임아웃을 적용하지 않음). 이벤트 루프는 연결마다 작은 객체와 디스크립터 하나만 들고 있습니다: 스레드는 3개에 머물고 메모리는 연결당 몇 KiB씩 늘어납니다. 연결마다 스레드(Werkzeug의 스레드 서버)는 연결마다 recv()에서 멈춰 있는 스레드를 하나씩 줍니다: 스레드 수가 연결 수를 그대로 따라가고 메모리는 몇 배 빨리 늘어납니다(스레드가 건드린 스택과 관리 비용). 비용 차트는 연결 수에 따른 메모리와 스레드를 그리고, 보고서의 연결당 메모리는 그 기울기입니다. 모델마다 점 3개 × (연결이 열리도록 17초 기다린 뒤 3초 측정: 연결마다 스레드 모델은 10,000개 스레드를 띄우는 데 약 15초가 걸리고, 그 전에 잰 점은 더 적은 연결에서 잰 점이 됩니다).</translation>
    </message>
    <message>
        <source>Werkzeug&apos;s threaded server starts a thread for every connection, with no upper bound, and closes the connection after every response (Connection: close), so every request is a new connection and a new thread. Each costs about 0.45 ms of Python (framework, request parsing, thread start-up) under the GIL, and about 0.11 ms more when its thread wakes after the I/O wait (cold caches, the GIL taken back from the other waiters): conclab-cli calibrate against real Flask 2.2 on this kind of machine (docs/validation.md). With 50 ms I/O waits the GIL is released while waiting, so far more than ten connections are served at once; the ceiling is the GIL: about 1 / 0.56 ms = 1,800 req/s, less with the hand-offs. The accept loop is Python too and needs the GIL for every new connection, which keeps the number of live threads in check.</source>
        <translation>Werkzeug의 스레드 서버는 연결마다 스레드를 상한 없이 띄우고, 응답할 때마다 연결을 닫습니다(Connection: close). 그래서 모든 요청이 새 연결이자 새 스레드입니다. 요청마다 GIL 아래에서 약 0.45 ms의 Python 비용(프레임워크, 요청 파싱, 스레드 시작)이 들고, I/O 대기 뒤 스레드가 깨어날 때 약 0.11 ms가 더 듭니다(식은 캐시, 다른 대기자들에게서 되찾는 GIL). 이런 머신에서 실제 Flask 2.2에 conclab-cli calibrate로 맞춘 값입니다(docs/validation.md). I/O 대기가 50 ms이면 기다리는 동안 GIL이 풀리므로 연결 열 개보다 훨씬 많이 동시에 처리합니다. 천장은 GIL입니다: 약 1 / 0.56 ms = 1,800 req/s, 넘겨주기 때문에 그보다 적습니다. accept 루프도 Python이라 새 연결마다 GIL이 필요하고, 그래서 살아 있는 스레드 수가 억제됩니다.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>event loop</source>
        <translation>이벤트 루프</translation>
    </message>
    <message>
        <source>GIL threads (one per connection)</source>
        <translation>GIL 스레드 (연결마다 하나)</translation>
    </message>
    <message>
        <source>GIL threads (%1)</source>
        <translation>GIL 스레드 (%1)</translation>
    </message>
    <message>
        <source>process per core (%1 × %2)</source>
        <translation>코어당 프로세스 (%1 × %2)</translation>
    </message>
    <message>
        <source>open loop: %1 req/s over at most %2 connections</source>
        <translation>개방 루프: 최대 %2개 연결로 %1 req/s</translation>
    </message>
    <message>
        <source>%1 connections</source>
        <translation>연결 %1개</translation>
    </message>
    <message>
        <source> · %1 ms CPU + %2 ms I/O per request</source>
        <translation> · 요청당 CPU %1 ms + I/O %2 ms</translation>
    </message>
    <message>
        <source> + %1 µs overhead</source>
        <translation> + 오버헤드 %1 µs</translation>
    </message>
    <message>
        <source> · + %1 CPU-heavy connection(s) at %2 ms</source>
        <translation> · + CPU 부하가 큰 연결 %1개(%2 ms)</translation>
    </message>
    <message>
        <source> · %1 s</source>
        <translation> · %1초</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> 대 </translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>the file name must end in .png, .svg or .pdf</source>
        <translation>파일 이름은 .png, .svg, .pdf로 끝나야 합니다</translation>
    </message>
    <message>
        <source>size must be 200×150 to 10000×10000 at a scale of up to 8</source>
        <translation>크기는 200×150에서 10000×10000 사이, 배율은 8 이하여야 합니다</translation>
    </message>
    <message>
        <source>the file exists (use --force, or confirm in the dialog)</source>
        <translation>파일이 이미 있습니다(--force를 쓰거나 대화상자에서 확인하세요)</translation>
    </message>
    <message>
        <source>PNG encoding failed</source>
        <translation>PNG 인코딩에 실패했습니다</translation>
    </message>
    <message>
        <source>Event loop (Node.js)</source>
        <translation>이벤트 루프 (Node.js)</translation>
    </message>
    <message>
        <source>GIL-locked threads (Flask)</source>
        <translation>GIL에 묶인 스레드 (Flask)</translation>
    </message>
    <message>
        <source>Process per core (cluster / gunicorn)</source>
        <translation>코어당 프로세스 (cluster / gunicorn)</translation>
    </message>
    <message>
        <source>Round-robin (Node cluster)</source>
        <translation>라운드 로빈 (Node cluster)</translation>
    </message>
    <message>
        <source>The primary accepts every connection and hands it to the next worker in turn: Node cluster&apos;s default (SCHED_RR). Even.</source>
        <translation>주 프로세스가 모든 연결을 받아 워커에 차례로 넘깁니다: Node cluster의 기본값(SCHED_RR). 고르게 나뉩니다.</translation>
    </message>
    <message>
        <source>Kernel accept (gunicorn)</source>
        <translation>커널 accept (gunicorn)</translation>
    </message>
    <message>
        <source>Every worker accept()s on one shared socket and the kernel picks who wins: gunicorn, Node&apos;s SCHED_NONE. Uneven under a burst of connections.</source>
        <translation>모든 워커가 공유 소켓 하나에서 accept()하고, 누가 가져갈지는 커널이 정합니다: gunicorn, Node의 SCHED_NONE. 연결이 한꺼번에 몰리면 고르지 않습니다.</translation>
    </message>
    <message>
        <source>SO_REUSEPORT (nginx reuseport)</source>
        <translation>SO_REUSEPORT (nginx reuseport)</translation>
    </message>
    <message>
        <source>One listening socket per worker on the same port; the kernel spreads connections by a hash of their addresses: nginx `listen … reuseport`. A busy worker&apos;s queue fills while another&apos;s stays empty.</source>
        <translation>워커마다 같은 포트에 자기 listen 소켓이 있고, 커널이 주소의 해시로 연결을 나눕니다: nginx `listen … reuseport`. 바쁜 워커의 대기열은 차는데 다른 워커의 대기열은 비어 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>Scenario key &quot;%1&quot;, CLI --%2</source>
        <translation>시나리오 키 &quot;%1&quot;, CLI --%2</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>&lt;b&gt;Coordinated omission.&lt;/b&gt; A closed-loop tool (wrk, ab) sends the next request only when the last one came back, so while the server stalls it sends nothing and measures nothing: the users who would have arrived meanwhile are left out. This open-loop run sends %1 requests/s on schedule and counts latency from when each was &lt;i&gt;due&lt;/i&gt;.</source>
        <translation>&lt;b&gt;협조적 누락(coordinated omission).&lt;/b&gt; 폐쇄 루프 도구(wrk, ab)는 이전 요청의 응답이 와야 다음 요청을 보냅니다. 그래서 서버가 멈춰 있는 동안에는 아무것도 보내지도 재지도 않고, 그사이 도착했을 사용자들은 통계에서 빠집니다. 이 개방 루프 실행은 초당 %1개 요청을 일정대로 보내고, 지연 시간을 각 요청이 &lt;i&gt;보내졌어야 할&lt;/i&gt; 시각부터 잽니다.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Your figures appear once responses come back.</source>
        <translation>&lt;br&gt;응답이 돌아오기 시작하면 여기에 수치가 나타납니다.</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Your p99 is %1 measured from when requests were due, %2 measured from when they were sent&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b&gt;p99는 예정 시각부터 재면 %1, 실제로 보낸 시각부터 재면 %2입니다&lt;/b&gt;</translation>
    </message>
    <message>
        <source> (%1× more: the rest is time spent waiting for a free connection, which a closed loop never sees).</source>
        <translation> (%1배: 나머지는 빈 연결을 기다린 시간이며, 폐쇄 루프에서는 보이지 않습니다).</translation>
    </message>
    <message>
        <source>: they agree, the server keeps up with the rate.</source>
        <translation>: 둘이 같습니다. 서버가 요청 속도를 따라가고 있습니다.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Late (due while no connection was free): &lt;b&gt;%1&lt;/b&gt; · dropped (still unsent %2 s after due): &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;br&gt;지연(빈 연결이 없을 때 예정됨): &lt;b&gt;%1&lt;/b&gt; · 버림(예정 후 %2초가 지나도록 못 보냄): &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>client connections N (log)</source>
        <translation>클라이언트 연결 N (로그)</translation>
    </message>
    <message>
        <source>no fit yet: it needs %1 points including N = 1 (have %2%3)</source>
        <translation>아직 피팅 없음: N = 1을 포함해 %1개 점이 필요합니다(현재 %2개%3)</translation>
    </message>
    <message>
        <source>, none at N = 1</source>
        <translation>, N = 1 없음</translation>
    </message>
    <message>
        <source>λ = %1 req/s · σ = %2 · κ = %3 · N* = %4 · R² = %5</source>
        <translation>λ = %1 req/s · σ = %2 · κ = %3 · N* = %4 · R² = %5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>Concurrency sweep: %1</source>
        <translation>동시성 스윕: %1</translation>
    </message>
    <message>
        <source>%1 ms CPU + %2 ms I/O per request · %3 s per point after %4 s warm-up</source>
        <translation>요청당 CPU %1 ms + I/O %2 ms · 점마다 워밍업 %4초 뒤 %3초</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 req/s</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>&lt;b&gt;Event loop&lt;/b&gt; (Node.js / Express): one thread runs every connection. &lt;b&gt;I/O waits overlap&lt;/b&gt;: a request waiting on a downstream call costs only a timer, so thousands of connections can be in service at once. &lt;b&gt;CPU work blocks&lt;/b&gt;: while one handler computes, no other connection is read, written or answered — requests pile up as &lt;i&gt;waiting&lt;/i&gt;, and the tail latency grows with the number of connections. It uses one core, whatever the machine has.</source>
        <translation>&lt;b&gt;이벤트 루프&lt;/b&gt;(Node.js / Express): 스레드 하나가 모든 연결을 처리합니다. &lt;b&gt;I/O 대기는 겹쳐집니다&lt;/b&gt;: 하위 호출을 기다리는 요청은 타이머 하나 값밖에 들지 않으니, 수천 개 연결을 한꺼번에 처리할 수 있습니다. &lt;b&gt;CPU 작업은 루프를 막습니다&lt;/b&gt;: 핸들러 하나가 계산하는 동안 다른 연결은 읽지도, 쓰지도, 응답하지도 못합니다. 요청이 &lt;i&gt;대기 중&lt;/i&gt;으로 쌓이고, 꼬리 지연 시간이 연결 수에 비례해 늘어납니다. 머신에 코어가 몇 개든 코어 하나만 씁니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;GIL-locked threads&lt;/b&gt; (Flask on Werkzeug, gunicorn gthread): OS threads do blocking I/O, but handler CPU work (and the framework overhead) runs only while holding one global interpreter lock, handed over the way CPython does it: a thread that wants the lock waits one &lt;i&gt;switch interval&lt;/i&gt; (5 ms), then asks the holder to drop it. &lt;b&gt;I/O waits overlap&lt;/b&gt; (the lock is released), &lt;b&gt;CPU work never runs in parallel&lt;/b&gt;: more threads add no throughput for CPU-bound handlers, and a request back from I/O queues behind a CPU-bound one (the convoy effect). &lt;i&gt;Threads&lt;/i&gt; = pool size: at most that many requests are in service, the rest wait. Threads = 0 is Werkzeug&apos;s one thread per connection.</source>
        <translation>&lt;b&gt;GIL에 묶인 스레드&lt;/b&gt;(Werkzeug 위의 Flask, gunicorn gthread): OS 스레드가 블로킹 I/O를 하지만, 핸들러의 CPU 작업(과 프레임워크 오버헤드)은 전역 인터프리터 락(GIL) 하나를 쥐고 있을 때만 실행됩니다. 락은 CPython 방식으로 넘어갑니다: 락을 원하는 스레드는 &lt;i&gt;전환 간격&lt;/i&gt;(5 ms)만큼 기다린 뒤 점유 스레드에게 내놓으라고 요청합니다. &lt;b&gt;I/O 대기는 겹쳐지지만&lt;/b&gt;(락이 풀림), &lt;b&gt;CPU 작업은 결코 병렬로 돌지 않습니다&lt;/b&gt;: CPU 바운드 핸들러라면 스레드를 늘려도 처리량이 늘지 않고, I/O에서 돌아온 요청은 CPU 바운드 요청 뒤에 줄을 섭니다(호위 효과, convoy effect). &lt;i&gt;스레드&lt;/i&gt; = 풀 크기: 최대 그만큼의 요청만 처리 중이고 나머지는 기다립니다. 스레드 0은 Werkzeug처럼 연결마다 스레드 하나입니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Kernel accept&lt;/b&gt; (gunicorn, Node&apos;s SCHED_NONE): every worker accept()s on one shared listening socket and the kernel decides which waiting worker wins. Under a burst of connections the worker that wakes first takes many: the per-worker lines of &lt;i&gt;Inside the server&lt;/i&gt; drift apart.</source>
        <translation>&lt;b&gt;커널 accept&lt;/b&gt;(gunicorn, Node의 SCHED_NONE): 모든 워커가 공유 listen 소켓 하나에서 accept()하고, 기다리던 워커 중 누가 가져갈지는 커널이 정합니다. 연결이 한꺼번에 몰리면 먼저 깨어난 워커가 많이 가져갑니다: &lt;i&gt;서버 내부&lt;/i&gt;의 워커별 선이 벌어집니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;SO_REUSEPORT&lt;/b&gt; (nginx &lt;code&gt;listen … reuseport&lt;/code&gt;): each worker has its own listening socket on the same port, and the kernel assigns each new connection by a hash of its addresses, whoever is busy. The spread is even on average, but a worker stuck on CPU work keeps receiving connections that wait in its own queue while another&apos;s is empty.</source>
        <translation>&lt;b&gt;SO_REUSEPORT&lt;/b&gt;(nginx &lt;code&gt;listen … reuseport&lt;/code&gt;): 워커마다 같은 포트에 자기 listen 소켓이 있고, 커널은 새 연결을 주소의 해시로 배정합니다. 누가 바쁜지는 보지 않습니다. 평균적으로는 고르게 퍼지지만, CPU 작업에 묶인 워커도 계속 연결을 받아 자기 대기열에 쌓아 두고, 다른 워커의 대기열은 비어 있을 수 있습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Round-robin&lt;/b&gt; (Node cluster&apos;s default, SCHED_RR): the primary process accepts every connection and hands it to the next worker in turn, so the workers get equal shares of connections, whatever each is doing.</source>
        <translation>&lt;b&gt;라운드 로빈&lt;/b&gt;(Node cluster의 기본값, SCHED_RR): 주 프로세스가 모든 연결을 받아 다음 워커에게 차례로 넘깁니다. 그래서 워커마다 무엇을 하고 있든 연결을 똑같이 나눠 받습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Process per core&lt;/b&gt; (Node&apos;s cluster module, gunicorn workers): N separate server processes share one listening port; each runs its own %1, so CPU work &lt;b&gt;runs in parallel on every core&lt;/b&gt; — until the cores run out (the load generator needs one too). &lt;i&gt;Workers&lt;/i&gt; = processes. &lt;i&gt;Worker connections&lt;/i&gt; caps what each worker holds (gevent&apos;s and nginx&apos;s worker_connections).</source>
        <translation>&lt;b&gt;코어당 프로세스&lt;/b&gt;(Node의 cluster 모듈, gunicorn 워커): 서버 프로세스 N개가 listen 포트 하나를 나눠 쓰고, 저마다 자기 %1을(를) 돌립니다. 그래서 CPU 작업이 &lt;b&gt;모든 코어에서 병렬로 돕니다&lt;/b&gt; — 코어가 바닥날 때까지(부하 생성기도 코어 하나가 필요합니다). &lt;i&gt;워커&lt;/i&gt; = 프로세스 수. &lt;i&gt;워커당 연결&lt;/i&gt;은 워커 하나가 붙잡는 연결 수의 상한입니다(gevent와 nginx의 worker_connections).</translation>
    </message>
    <message>
        <source>GIL-locked threads</source>
        <translation>GIL에 묶인 스레드</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recipes&lt;/b&gt;: &lt;i&gt;one Node process&lt;/i&gt; = this model. &lt;i&gt;gunicorn + gevent&lt;/i&gt; is this model inside each worker: see process per core, inner event loop.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;구성 예&lt;/b&gt;: &lt;i&gt;Node 프로세스 하나&lt;/i&gt; = 이 모델. &lt;i&gt;gunicorn + gevent&lt;/i&gt;는 워커마다 이 모델이 들어 있는 구성입니다: 코어당 프로세스의 내부 모델을 이벤트 루프로 두세요.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recipes&lt;/b&gt;: &lt;i&gt;Flask&apos;s dev server&lt;/i&gt; (flask run) = threads 0, keep-alive off. &lt;i&gt;One gunicorn gthread worker&lt;/i&gt; = threads N, keep-alive on (2 s). &lt;i&gt;One gunicorn sync worker&lt;/i&gt; = threads 1, keep-alive off.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;구성 예&lt;/b&gt;: &lt;i&gt;Flask 개발 서버&lt;/i&gt;(flask run) = 스레드 0, keep-alive 끔. &lt;i&gt;gunicorn gthread 워커 하나&lt;/i&gt; = 스레드 N, keep-alive 켬(2초). &lt;i&gt;gunicorn sync 워커 하나&lt;/i&gt; = 스레드 1, keep-alive 끔.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Recipes&lt;/b&gt;:&lt;br&gt;• &lt;i&gt;gunicorn sync&lt;/i&gt; = process per core, inner GIL threads, threads 1, keep-alive off, scheduling kernel, workers 2 × cores + 1: workers requests at once.&lt;br&gt;• &lt;i&gt;gunicorn gthread&lt;/i&gt; = the same with threads N and keep-alive on: workers × threads at once.&lt;br&gt;• &lt;i&gt;gunicorn -k gevent&lt;/i&gt; = inner event loop (an event loop inside each worker; the GIL never matters because only one OS thread runs Python), worker connections 1,000, Flask&apos;s cost as a calibrated overhead.&lt;br&gt;• &lt;i&gt;nginx in front of N Flask instances&lt;/i&gt; = N workers of GIL threads (threads 0, keep-alive off), round-robin (nginx upstream) or reuseport, worker connections for nginx&apos;s limit (768 per nginx worker in Debian).&lt;br&gt;• &lt;i&gt;Node cluster&lt;/i&gt; = inner event loop, workers 0 (one per core), round-robin (SCHED_RR).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;구성 예&lt;/b&gt;:&lt;br&gt;• &lt;i&gt;gunicorn sync&lt;/i&gt; = 코어당 프로세스, 내부 모델 GIL 스레드, 스레드 1, keep-alive 끔, 스케줄링 kernel, 워커 2 × 코어 수 + 1: 워커 수만큼의 요청을 동시에 처리.&lt;br&gt;• &lt;i&gt;gunicorn gthread&lt;/i&gt; = 같은 구성에 스레드 N, keep-alive 켬: 워커 × 스레드만큼 동시에 처리.&lt;br&gt;• &lt;i&gt;gunicorn -k gevent&lt;/i&gt; = 내부 모델 이벤트 루프(워커마다 이벤트 루프 하나; Python을 돌리는 OS 스레드가 하나뿐이라 GIL은 문제가 되지 않음), 워커당 연결 1,000, Flask의 비용은 보정한 오버헤드로.&lt;br&gt;• &lt;i&gt;Flask 인스턴스 N개 앞의 nginx&lt;/i&gt; = GIL 스레드 워커 N개(스레드 0, keep-alive 끔), 라운드 로빈(nginx upstream) 또는 reuseport, 워커당 연결은 nginx의 한도(Debian에서 nginx 워커당 768).&lt;br&gt;• &lt;i&gt;Node cluster&lt;/i&gt; = 내부 모델 이벤트 루프, 워커 0(코어마다 하나), 라운드 로빈(SCHED_RR).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Per request&lt;/i&gt;: &lt;b&gt;overhead&lt;/b&gt; and &lt;b&gt;CPU&lt;/b&gt; are real computation measured in thread CPU time; &lt;b&gt;I/O wait&lt;/b&gt; is a downstream call that uses no CPU. &lt;i&gt;Connections&lt;/i&gt; are closed-loop keep-alive clients, like wrk&apos;s.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;요청마다&lt;/i&gt;: &lt;b&gt;오버헤드&lt;/b&gt;와 &lt;b&gt;CPU&lt;/b&gt;는 스레드 CPU 시간으로 재는 실제 계산이고, &lt;b&gt;I/O 대기&lt;/b&gt;는 CPU를 쓰지 않는 하위 호출입니다. &lt;i&gt;연결&lt;/i&gt;은 wrk처럼 폐쇄 루프로 동작하는 keep-alive 클라이언트입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>real server</source>
        <translation>실제 서버</translation>
    </message>
    <message>
        <source>unreadable value</source>
        <translation>읽을 수 없는 값</translation>
    </message>
    <message>
        <source>The remembered settings could not be read (%1); starting with the defaults.</source>
        <translation>기억해 둔 설정을 읽을 수 없어(%1) 기본값으로 시작합니다.</translation>
    </message>
    <message>
        <source>Nothing to export: run an experiment first.</source>
        <translation>내보낼 것이 없습니다: 먼저 실험을 실행하세요.</translation>
    </message>
    <message>
        <source>CPU %1 ms</source>
        <translation>CPU %1 ms</translation>
    </message>
    <message>
        <source>I/O %1 ms</source>
        <translation>I/O %1 ms</translation>
    </message>
    <message>
        <source>unknown CPU</source>
        <translation>알 수 없는 CPU</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Cores</source>
        <translation>코어</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>커널</translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation>Concurrency Lab</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Boost</source>
        <translation>Boost</translation>
    </message>
    <message>
        <source>Report written</source>
        <translation>보고서 작성 완료</translation>
    </message>
    <message>
        <source>run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p90 ms</source>
        <translation>p90 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>p99.9 ms</source>
        <translation>p99.9 ms</translation>
    </message>
    <message>
        <source>max ms</source>
        <translation>최대 ms</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>server CPU %</source>
        <translation>서버 CPU %</translation>
    </message>
    <message>
        <source>A real server measured from outside: only the client&apos;s figures exist (no server-side series).</source>
        <translation>바깥에서 잰 실제 서버: 클라이언트 쪽 수치만 있습니다(서버 쪽 시계열 없음).</translation>
    </message>
    <message>
        <source>%1 s measured</source>
        <translation>%1초 측정</translation>
    </message>
    <message>
        <source> after %1 s warmup</source>
        <translation> (워밍업 %1초 뒤)</translation>
    </message>
    <message>
        <source>, one sample every %1 s</source>
        <translation>, %1초마다 표본 하나</translation>
    </message>
    <message>
        <source>open loop at %1 req/s</source>
        <translation>개방 루프, %1 req/s</translation>
    </message>
    <message>
        <source>closed loop, %1 connections</source>
        <translation>폐쇄 루프, 연결 %1개</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>측정 구간</translation>
    </message>
    <message>
        <source>Load generator</source>
        <translation>부하 생성기</translation>
    </message>
    <message>
        <source>built in, %1 thread(s), %2 (mean CPU %3 % of one core)</source>
        <translation>내장, 스레드 %1개, %2 (평균 CPU: 코어 하나의 %3 %)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>a real server, measured from outside</source>
        <translation>바깥에서 잰 실제 서버</translation>
    </message>
    <message>
        <source>started on 127.0.0.1 by Concurrency Lab</source>
        <translation>Concurrency Lab이 127.0.0.1에서 시작</translation>
    </message>
    <message>
        <source>stopped early: %1</source>
        <translation>일찍 멈춤: %1</translation>
    </message>
    <message>
        <source>at %1 s, %2</source>
        <translation>%1초에 %2</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>요약</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>경고</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>없음.</translation>
    </message>
    <message>
        <source>Knob changes during the run</source>
        <translation>실행 중 바꾼 설정</translation>
    </message>
    <message>
        <source>None: the knobs stayed as started.</source>
        <translation>없음: 시작할 때 설정 그대로였습니다.</translation>
    </message>
    <message>
        <source>The model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>These runs were opened from a saved report: the machine above wrote this report and may not be the one that measured them.</source>
        <translation>이 실행들은 저장된 보고서에서 연 것입니다: 위의 머신은 이 보고서를 쓴 머신이며, 측정한 머신과 다를 수 있습니다.</translation>
    </message>
    <message>
        <source>How it was measured</source>
        <translation>측정 방법</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>시나리오</translation>
    </message>
    <message>
        <source>Nothing stands out in these runs.</source>
        <translation>이 실행들에서는 눈에 띄는 점이 없습니다.</translation>
    </message>
    <message>
        <source>Nothing stands out in this run.</source>
        <translation>이 실행에서는 눈에 띄는 점이 없습니다.</translation>
    </message>
    <message>
        <source>a report is .html or .pdf</source>
        <translation>보고서는 .html이나 .pdf입니다</translation>
    </message>
    <message>
        <source>there is no finished run to report</source>
        <translation>보고할 끝난 실행이 없습니다</translation>
    </message>
    <message>
        <source>%1× %2</source>
        <translation>%1× %2</translation>
    </message>
    <message>
        <source>kept run: %1 · %2</source>
        <translation>남겨 둔 실행: %1 · %2</translation>
    </message>
    <message>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <source>%1 (changed: %2)</source>
        <translation>%1 (변경: %2)</translation>
    </message>
    <message>
        <source>the text stops being JSON at line %1, column %2</source>
        <translation>%1행 %2열에서 JSON이 아니게 됩니다</translation>
    </message>
    <message>
        <source>the text is not JSON</source>
        <translation>JSON이 아닙니다</translation>
    </message>
    <message>
        <source>Concurrency Lab %1 · %2 cores (%3) · %4</source>
        <translation>Concurrency Lab %1 · 코어 %2개 (%3) · %4</translation>
    </message>
    <message>
        <source>vs first</source>
        <translation>첫 실행 대비</translation>
    </message>
    <message>
        <source>peak in service</source>
        <translation>처리 중 최대</translation>
    </message>
    <message>
        <source>peak waiting</source>
        <translation>대기 중 최대</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>Latency percentiles over the measured period (after warmup), in milliseconds. Peaks: the most requests the server held at one instant, in service and waiting for a thread, the loop or a worker.</source>
        <translation>측정 구간(워밍업 이후)의 지연 시간 백분위수, 밀리초 단위. 최대: 서버가 한순간에 붙잡고 있던 요청 수의 최댓값. 처리 중인 것과, 스레드·루프·워커를 기다리는 것.</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;, %2 connections, each figure the median of %3 runs.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt;, 연결 %2개, 각 수치는 %3회 실행의 중앙값.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Real server</source>
        <translation>실제 서버</translation>
    </message>
    <message>
        <source>Model with no framework cost</source>
        <translation>프레임워크 비용 없는 모델</translation>
    </message>
    <message>
        <source>Step %1: model with %2</source>
        <translation>%1단계: %2 모델</translation>
    </message>
    <message>
        <source>Framework cost per request, holding the GIL: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>GIL을 쥔 채 드는 요청당 프레임워크 비용: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Framework cost per request: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>요청당 프레임워크 비용: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Framework cost per request without the GIL: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;br&gt;GIL 밖 요청당 프레임워크 비용: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Verified: the fitted model runs at &lt;b&gt;%1&lt;/b&gt; the real server (%2 against %3), %4 ±%5 %</source>
        <translation>&lt;br&gt;검증: 피팅한 모델은 실제 서버의 &lt;b&gt;%1&lt;/b&gt;로 돕니다(%2 대 %3), ±%5 % %4</translation>
    </message>
    <message>
        <source>within</source>
        <translation>이내</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>밖</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;Only the saturated rate with no work is fitted; Validate shows how the model compares under CPU and I/O work, with latency.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;작업 없는 포화 처리량만 피팅합니다. CPU·I/O 작업에서 모델이 어떻게 비교되는지는 지연 시간과 함께 검증에서 보여 줍니다.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>CPU %1 + I/O %2 ms</source>
        <translation>CPU %1 + I/O %2 ms</translation>
    </message>
    <message>
        <source>no work</source>
        <translation>작업 없음</translation>
    </message>
    <message>
        <source>%1 conns</source>
        <translation>연결 %1개</translation>
    </message>
    <message>
        <source>req/s, model ÷ real</source>
        <translation>req/s, 모델 ÷ 실제</translation>
    </message>
    <message>
        <source>p99, model ÷ real (server saturated: counts)</source>
        <translation>p99, 모델 ÷ 실제 (서버 포화: 반영)</translation>
    </message>
    <message>
        <source>p99, model ÷ real (not saturated: shown only)</source>
        <translation>p99, 모델 ÷ 실제 (포화 아님: 표시만)</translation>
    </message>
    <message>
        <source>model ÷ real (1 = the same; band ±15 %, dashes ×1.5)</source>
        <translation>모델 ÷ 실제 (1 = 같음; 띠 ±15 %, 파선 ×1.5)</translation>
    </message>
    <message>
        <source>Model vs real: %1 against %2</source>
        <translation>모델 대 실제: %1 대 %2</translation>
    </message>
    <message>
        <source>overhead %1 µs · fidelity %2 (worst ratio) · %3 of %4 points outside ±15 % req/s or ×1.5 p99 · %5 s per run, real and model alternating</source>
        <translation>오버헤드 %1 µs · 충실도 %2 (최악 비율) · 점 %4개 중 %3개가 req/s ±15 % 또는 p99 ×1.5 밖 · 실행마다 %5초, 실제와 모델 번갈아</translation>
    </message>
    <message>
        <source>1 connection</source>
        <translation>연결 1개</translation>
    </message>
    <message>
        <source> · + %1 idle connections</source>
        <translation> · + 유휴 연결 %1개</translation>
    </message>
    <message>
        <source>N idle connections beside %1 loading · %2</source>
        <translation>바쁜 연결 %1개 옆의 유휴 연결 N개 · %2</translation>
    </message>
    <message>
        <source>What a connection costs: %1</source>
        <translation>연결 하나의 비용: %1</translation>
    </message>
    <message>
        <source>no memory per connection (too few points with a reading)</source>
        <translation>연결당 메모리 없음(측정값이 있는 점이 너무 적음)</translation>
    </message>
    <message>
        <source>%1 KiB per connection (R² %2 over %3–%4 connections)</source>
        <translation>연결당 %1 KiB (연결 %3–%4개에서 R² %2)</translation>
    </message>
    <message>
        <source>%1 · N up to %2 · %3</source>
        <translation>%1 · N 최대 %2 · %3</translation>
    </message>
    <message>
        <source>Model vs real</source>
        <translation>모델 대 실제</translation>
    </message>
    <message>
        <source>%1 (continued)</source>
        <comment>a heading on a slide carried over</comment>
        <translation>%1 (계속)</translation>
    </message>
    <message>
        <source>Fitted: %1</source>
        <translation>피팅함: %1</translation>
    </message>
    <message>
        <source>Not fitted: %1</source>
        <translation>피팅하지 않음: %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>경고: %1</translation>
    </message>
    <message>
        <source>real server (%1)</source>
        <translation>실제 서버 (%1)</translation>
    </message>
    <message>
        <source>real server (%1, %2)</source>
        <translation>실제 서버 (%1, %2)</translation>
    </message>
    <message>
        <source>mean waiting</source>
        <translation>평균 대기</translation>
    </message>
    <message>
        <source>&lt;br&gt;Framework cost after each I/O wait: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;br&gt;I/O 대기마다 드는 프레임워크 비용: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The saturated rate with no work and with %1 ms of I/O per request are fitted; Validate shows how the model compares under CPU and I/O work, with latency.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;작업 없는 포화 처리량과 요청당 I/O %1 ms의 처리량을 피팅합니다. CPU·I/O 작업에서 모델이 어떻게 비교되는지는 지연 시간과 함께 검증에서 보여 줍니다.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;Framework cost per new connection: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;br&gt;새 연결마다 드는 프레임워크 비용: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The rate with a new connection per request (Connection: close) is fitted as well: it decides how fast new connections are taken and how they spread over workers.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;요청마다 새 연결일 때(Connection: close)의 처리량도 피팅합니다: 새 연결을 얼마나 빨리 받아들이고 워커에 어떻게 나누는지가 이것으로 정해집니다.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;The saturated rate with no work is fitted, kept alive and with a new connection per request (Connection: close); Validate shows how the model compares under CPU and I/O work, with latency.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;작업 없는 요청의 포화 처리량을 연결 유지일 때와 요청마다 새 연결일 때(Connection: close) 모두 피팅합니다. 검증은 CPU와 I/O 작업에서 모델이 어떻게 비교되는지 지연 시간과 함께 보여 줍니다.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>gevent event loop</source>
        <translation>gevent 이벤트 루프</translation>
    </message>
    <message>
        <source>Unanswered</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <source>%1: requests with no response when the run ended: %2 (the longest had waited %3 s); the latencies count each at how long it had waited, a lower bound</source>
        <translation>%1: 실행이 끝날 때 응답을 받지 못한 요청: %2개 (가장 오래 기다린 요청은 %3초). 지연 시간에는 각 요청이 기다린 시간만큼 들어가며, 이는 하한값입니다</translation>
    </message>
    <message>
        <source>median of %1 runs each; bars: the ratio against the real server&apos;s highest and lowest run</source>
        <translation>각 %1회 실행의 중앙값 · 막대: 실제 서버의 가장 높은 실행과 가장 낮은 실행에 대한 비율</translation>
    </message>
</context>
<context>
    <name>ResourcesChart</name>
    <message>
        <source>memory (MiB)</source>
        <translation>메모리 (MiB)</translation>
    </message>
    <message>
        <source>Resident memory of the server&apos;s processes, summed (/proc/PID/statm). Its slope against the connections held is the memory one more connection costs.</source>
        <translation>서버 프로세스들의 상주 메모리 합계(/proc/PID/statm). 붙잡은 연결 수에 대한 기울기가 연결 하나가 더 드는 메모리입니다.</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>Kernel threads of the server&apos;s processes (/proc/PID/status Threads). A thread per connection follows the connections one for one; an event loop stays flat.</source>
        <translation>서버 프로세스들의 커널 스레드 수(/proc/PID/status의 Threads). 연결마다 스레드를 두는 서버는 연결 수를 하나하나 따라가고, 이벤트 루프는 평평하게 머뭅니다.</translation>
    </message>
    <message>
        <source>context switches/s</source>
        <translation>컨텍스트 스위치/s</translation>
    </message>
    <message>
        <source>Voluntary and involuntary context switches per second of every server thread (getrusage in each worker). Idle threads parked in recv() hardly switch; busy threads handing a lock to each other switch all the time.</source>
        <translation>모든 서버 스레드의 초당 자발적·비자발적 컨텍스트 스위치(각 워커의 getrusage). recv()에서 쉬고 있는 스레드는 거의 전환되지 않고, 락을 서로 넘겨주는 바쁜 스레드는 끊임없이 전환됩니다.</translation>
    </message>
</context>
<context>
    <name>RunChanges</name>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>I/O</source>
        <translation>I/O</translation>
    </message>
    <message>
        <source>overhead</source>
        <translation>오버헤드</translation>
    </message>
    <message>
        <source>overhead without the GIL</source>
        <translation>GIL 밖 오버헤드</translation>
    </message>
    <message>
        <source>heavy CPU</source>
        <translation>무거운 CPU</translation>
    </message>
    <message>
        <source>keep-alive</source>
        <translation>keep-alive</translation>
    </message>
    <message>
        <source>client timeout</source>
        <translation>클라이언트 타임아웃</translation>
    </message>
    <message>
        <source>server request timeout</source>
        <translation>서버 요청 타임아웃</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>스레드</translation>
    </message>
    <message>
        <source>workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>inner</source>
        <translation>내부 모델</translation>
    </message>
    <message>
        <source>scheduling</source>
        <translation>스케줄링</translation>
    </message>
    <message>
        <source>switch interval</source>
        <translation>전환 간격</translation>
    </message>
    <message>
        <source>backlog</source>
        <translation>백로그</translation>
    </message>
    <message>
        <source>worker connections</source>
        <translation>워커당 연결</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>요청 속도</translation>
    </message>
    <message>
        <source>max connections</source>
        <translation>최대 연결</translation>
    </message>
    <message>
        <source>load threads</source>
        <translation>부하 스레드</translation>
    </message>
    <message>
        <source>heavy connections</source>
        <translation>무거운 연결</translation>
    </message>
    <message>
        <source>slow clients</source>
        <translation>느린 클라이언트</translation>
    </message>
    <message>
        <source>duration</source>
        <translation>실행 시간</translation>
    </message>
    <message>
        <source>warmup</source>
        <translation>워밍업</translation>
    </message>
    <message>
        <source>cost after I/O</source>
        <translation>I/O 뒤 비용</translation>
    </message>
    <message>
        <source>cost per new connection</source>
        <translation>새 연결당 비용</translation>
    </message>
</context>
<context>
    <name>RunField</name>
    <message>
        <source>the server&apos;s concurrency model</source>
        <translation>서버의 동시성 모델</translation>
    </message>
    <message>
        <source>process-per-core: the model inside each worker process</source>
        <translation>process-per-core: 각 워커 프로세스 안의 모델</translation>
    </message>
    <message>
        <source>gil-threads: pool size (gunicorn gthread --threads); 0 = one thread per connection (Werkzeug&apos;s threaded server)</source>
        <translation>gil-threads: 풀 크기(gunicorn gthread --threads); 0 = 연결마다 스레드 하나(Werkzeug의 스레드 서버)</translation>
    </message>
    <message>
        <source>process-per-core: worker processes; 0 = one per core</source>
        <translation>process-per-core: 워커 프로세스 수; 0 = 코어마다 하나</translation>
    </message>
    <message>
        <source>process-per-core: round-robin (the primary hands out connections, Node cluster&apos;s default), kernel (workers accept on one shared socket, like gunicorn) or reuseport (a socket per worker, SO_REUSEPORT, like nginx reuseport)</source>
        <translation>process-per-core: round-robin(주 프로세스가 연결을 나눠 줌, Node cluster의 기본값), kernel(워커들이 공유 소켓 하나에서 accept, gunicorn처럼) 또는 reuseport(워커마다 소켓 하나, SO_REUSEPORT, nginx reuseport처럼)</translation>
    </message>
    <message>
        <source>GIL switch interval (CPython&apos;s sys.getswitchinterval(), 5 ms)</source>
        <translation>GIL 전환 간격(CPython의 sys.getswitchinterval(), 5 ms)</translation>
    </message>
    <message>
        <source>listen backlog; 0 = the model&apos;s real default (Node 511, Werkzeug 128, gunicorn 2048)</source>
        <translation>listen 백로그; 0 = 모델이 흉내 내는 실제 서버의 기본값(Node 511, Werkzeug 128, gunicorn 2048)</translation>
    </message>
    <message>
        <source>on: keep connections open between requests (Node, gunicorn gthread); off: answer with Connection: close and close after every response (Werkzeug&apos;s dev server, gunicorn sync), so each request is a new connection and, with threads 0, a new thread</source>
        <translation>on: 요청 사이에 연결을 유지(Node, gunicorn gthread); off: Connection: close로 응답하고 응답마다 연결을 닫음(Werkzeug 개발 서버, gunicorn sync). 그러면 요청마다 새 연결이고, 스레드 0이면 새 스레드입니다</translation>
    </message>
    <message>
        <source>the most connections each server (each worker process) serves at once; it stops accepting while it holds that many (gevent&apos;s worker_connections 1000, nginx&apos;s 768 in Debian&apos;s nginx.conf); 0 = unlimited (Node, Werkzeug, gunicorn sync and gthread)</source>
        <translation>서버(워커 프로세스) 하나가 동시에 처리하는 최대 연결 수; 그만큼 붙잡고 있는 동안은 accept를 멈춥니다(gevent의 worker_connections 1000, Debian nginx.conf의 nginx 768); 0 = 무제한(Node, Werkzeug, gunicorn sync와 gthread)</translation>
    </message>
    <message>
        <source>port on 127.0.0.1; 0 = any free port</source>
        <translation>127.0.0.1의 포트; 0 = 아무 빈 포트</translation>
    </message>
    <message>
        <source>408 and close when a request&apos;s header block is not complete this long after it began; 0 = never, -1 = the model&apos;s default (event loop 60 = Node&apos;s headersTimeout; GIL threads 0: gunicorn and Werkzeug have none)</source>
        <translation>요청의 헤더 블록이 시작 후 이 시간 안에 다 오지 않으면 408로 응답하고 닫음; 0 = 안 함, -1 = 모델의 기본값(이벤트 루프 60 = Node의 headersTimeout; GIL 스레드 0: gunicorn과 Werkzeug에는 없음)</translation>
    </message>
    <message>
        <source>408 and close when a whole request has not arrived this long after it began; 0 = never, -1 = the model&apos;s default (event loop 300 = Node&apos;s requestTimeout; GIL threads 0)</source>
        <translation>요청 전체가 시작 후 이 시간 안에 도착하지 않으면 408로 응답하고 닫음; 0 = 안 함, -1 = 모델의 기본값(이벤트 루프 300 = Node의 requestTimeout; GIL 스레드 0)</translation>
    </message>
    <message>
        <source>close a keep-alive connection idle this long between requests; 0 = never, -1 = the model&apos;s default (event loop 5 = Node&apos;s keepAliveTimeout; GIL pool 2 = gunicorn&apos;s --keepalive; one thread per connection 0 = Werkzeug)</source>
        <translation>요청 사이에 이 시간 동안 쉬는 keep-alive 연결을 닫음; 0 = 안 함, -1 = 모델의 기본값(이벤트 루프 5 = Node의 keepAliveTimeout; GIL 풀 2 = gunicorn의 --keepalive; 연결마다 스레드 0 = Werkzeug)</translation>
    </message>
    <message>
        <source>kill and replace a worker process whose serving loop has not been free this long (gunicorn&apos;s --timeout, its arbiter&apos;s liveness check: a sync worker, threads 1, stuck on a slow client stops reporting; a gthread worker&apos;s main loop does not); 0 = never, -1 = the model&apos;s default (GIL pool 30 = gunicorn; event loop 0 = Node; one thread per connection 0 = Werkzeug)</source>
        <translation>처리 루프가 이 시간 동안 한가해지지 않은 워커 프로세스를 강제 종료하고 대체함(gunicorn의 --timeout, arbiter의 생존 확인: 느린 클라이언트에 묶인 sync 워커(스레드 1)는 보고를 멈추지만 gthread 워커의 메인 루프는 그렇지 않음); 0 = 안 함, -1 = 모델의 기본값(GIL 풀 30 = gunicorn; 이벤트 루프 0 = Node; 연결마다 스레드 0 = Werkzeug)</translation>
    </message>
    <message>
        <source>framework cost per request, real CPU run like handler work (under the GIL)</source>
        <translation>요청당 프레임워크 비용, 핸들러 작업처럼 실제 CPU로 실행(GIL 아래에서)</translation>
    </message>
    <message>
        <source>framework cost per request run without the GIL (system calls, thread start): real CPU in parallel with the GIL holder; on the event loop, more CPU on the loop</source>
        <translation>GIL 없이 실행되는 요청당 프레임워크 비용(시스템 호출, 스레드 시작): GIL을 쥔 스레드와 병렬로 도는 실제 CPU; 이벤트 루프에서는 루프의 CPU가 늘어남</translation>
    </message>
    <message>
        <source>handler CPU work per request, in thread CPU time</source>
        <translation>요청당 핸들러 CPU 작업, 스레드 CPU 시간 기준</translation>
    </message>
    <message>
        <source>I/O wait per request (a downstream call); uses no CPU and releases the GIL</source>
        <translation>요청당 I/O 대기(하위 호출); CPU를 쓰지 않고 GIL을 풂</translation>
    </message>
    <message>
        <source>closed-loop keep-alive connections, like wrk -c</source>
        <translation>폐쇄 루프 keep-alive 연결, wrk -c처럼</translation>
    </message>
    <message>
        <source>open loop, like wrk2 -R: requests per second sent at their intended times whatever the server does, latency counted from those times; 0 = closed loop</source>
        <translation>개방 루프, wrk2 -R처럼: 서버가 어떻든 예정된 시각에 보내는 초당 요청 수, 지연 시간은 그 시각부터 잼; 0 = 폐쇄 루프</translation>
    </message>
    <message>
        <source>open loop: the most connections the requests are spread over (opened as needed)</source>
        <translation>개방 루프: 요청을 나눠 싣는 최대 연결 수(필요할 때 엶)</translation>
    </message>
    <message>
        <source>load generator threads, like wrk -t</source>
        <translation>부하 생성기 스레드, wrk -t처럼</translation>
    </message>
    <message>
        <source>extra connections sending CPU-heavy requests (the convoy effect); counted apart</source>
        <translation>CPU가 무거운 요청을 보내는 추가 연결(호위 효과); 따로 셈</translation>
    </message>
    <message>
        <source>CPU per request of the heavy connections</source>
        <translation>무거운 연결의 요청당 CPU</translation>
    </message>
    <message>
        <source>extra connections that send a request one byte a second and never finish it (slowloris), reconnecting when the server closes them; counted apart</source>
        <translation>요청을 초당 1바이트씩 보내고 끝내지 않는 추가 연결(slowloris), 서버가 닫으면 다시 연결함; 따로 셈</translation>
    </message>
    <message>
        <source>a request without a complete response after this long counts as a timeout error</source>
        <translation>이 시간이 지나도록 응답이 완전히 오지 않은 요청은 타임아웃 오류로 셈</translation>
    </message>
    <message>
        <source>how long the run lasts, warmup included (0 = until stopped, GUI only)</source>
        <translation>실행 시간, 워밍업 포함(0 = 정지할 때까지, GUI에서만)</translation>
    </message>
    <message>
        <source>time at the start left out of the summary</source>
        <translation>요약에서 빼는 시작 부분의 시간</translation>
    </message>
    <message>
        <source>time-series resolution</source>
        <translation>시계열 해상도</translation>
    </message>
    <message>
        <source>memory each open connection holds in the model, touched so it is resident, to match a real server&apos;s footprint per connection; 0 = the model&apos;s own cost</source>
        <translation>모델에서 열린 연결 하나가 붙잡는 메모리. 실제로 상주하도록 건드려 두며, 실제 서버의 연결당 메모리 사용량에 맞추기 위한 값; 0 = 모델 자체의 비용</translation>
    </message>
    <message>
        <source>extra connections that send one request, read the response and then hold the connection open without sending (to a server that closes after each response: connect and send nothing), to measure what a waiting connection costs; the server&apos;s keep-alive timeout is lifted for them unless set; counted apart</source>
        <translation>요청 하나를 보내 응답을 읽은 뒤 아무것도 보내지 않고 연결만 열어 두는 추가 연결(응답마다 연결을 닫는 서버에는 연결만 하고 아무것도 보내지 않음). 기다리는 연결 하나의 비용을 재기 위한 것이며, 따로 설정하지 않으면 이들에게는 서버의 keep-alive 타임아웃을 적용하지 않습니다; 따로 셈</translation>
    </message>
    <message>
        <source>with --target: the real server&apos;s PID (or its parent&apos;s: gunicorn&apos;s arbiter, Node&apos;s cluster primary); its memory, threads, context switches and descriptors are measured summed over it and its descendants; 0 = not measured</source>
        <translation>--target과 함께: 실제 서버의 PID(또는 그 부모의 PID: gunicorn의 arbiter, Node cluster의 주 프로세스). 그 프로세스와 자손들의 메모리, 스레드, 컨텍스트 스위치, 디스크립터를 합쳐서 잽니다; 0 = 재지 않음</translation>
    </message>
    <message>
        <source>framework cost of each new connection (Node&apos;s socket and parser objects, gevent&apos;s greenlet), real CPU where the server accepts (on the loop; under the GIL) before it accepts the next: workers sharing a socket then split a burst of new connections</source>
        <translation>새 연결마다 드는 프레임워크 비용(Node의 소켓과 파서 객체, gevent의 그린렛). 서버가 연결을 받는 곳(루프 위, GIL을 쥔 채)에서 다음 연결을 받기 전에 쓰는 실제 CPU입니다. 그래서 소켓을 함께 쓰는 워커들이 한꺼번에 들어온 새 연결을 나눠 받습니다</translation>
    </message>
    <message>
        <source>framework cost each time a request resumes after its I/O wait (a woken thread&apos;s cold caches and the GIL taken back from other waiters; an event loop&apos;s timer callback), real CPU run like handler work; calibrate fits it from an I/O-bound run</source>
        <translation>요청이 I/O 대기를 마치고 다시 이어질 때마다 드는 프레임워크 비용(깨어난 스레드의 식은 캐시, 다른 대기자들에게서 되찾는 GIL, 이벤트 루프의 타이머 콜백). 핸들러 작업처럼 실제 CPU로 실행되며, calibrate가 I/O 위주 실행에서 피팅합니다</translation>
    </message>
    <message>
        <source>how an event loop serves (the event-loop model, or the one inside each worker): libuv (Node: each ready connection gets one request per turn of the loop, in the order of a level-triggered epoll) or gevent (a green thread per connection goes on serving its connection while the next request is already there, and yields only when a read would block)</source>
        <translation>이벤트 루프가 요청을 처리하는 방식(이벤트 루프 모델, 또는 각 워커 안의 루프): libuv(Node: 준비된 연결마다 루프 한 바퀴에 요청 하나씩, 레벨 트리거 epoll의 순서대로) 또는 gevent(연결마다 그린 스레드 하나가, 다음 요청이 이미 와 있으면 자기 연결을 계속 처리하고, 읽기가 막힐 때에만 양보)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::CalibrateDialog</name>
    <message>
        <source>Calibrate against a real server</source>
        <translation>실제 서버에 맞춰 보정</translation>
    </message>
    <message>
        <source>http://127.0.0.1:5000/</source>
        <translation>http://127.0.0.1:5000/</translation>
    </message>
    <message>
        <source>Allow a remote target</source>
        <translation>원격 대상 허용</translation>
    </message>
    <message>
        <source>Only 127.0.0.1 / localhost unless ticked</source>
        <translation>체크하지 않으면 127.0.0.1 / localhost만</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Real server URL</source>
        <translation>실제 서버 URL</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>측정</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop the measurement</source>
        <translation>측정 중단</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>적용</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>멈추는 중…</translation>
    </message>
    <message>
        <source> — %1 req/s</source>
        <translation> — %1 req/s</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot start: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;시작할 수 없음: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Cancelled; nothing was fitted.</source>
        <translation>취소했습니다. 아무것도 피팅하지 않았습니다.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <source>The model in the controls, as it is</source>
        <translation>컨트롤에 있는 모델 그대로</translation>
    </message>
    <message>
        <source>one per core</source>
        <translation>코어마다 하나</translation>
    </message>
    <message>
        <source>gunicorn -w, or the cluster&apos;s workers</source>
        <translation>gunicorn -w, 또는 cluster의 워커 수</translation>
    </message>
    <message>
        <source>one per connection</source>
        <translation>연결마다 하나</translation>
    </message>
    <message>
        <source>Enough to saturate the server: the fit is for its saturated rate</source>
        <translation>서버를 포화시킬 만큼: 포화 상태의 처리량에 맞춥니다</translation>
    </message>
    <message>
        <source>Of each run; each figure is the median of several runs</source>
        <translation>실행 한 번의 길이. 각 수치는 여러 번 실행한 중앙값입니다</translation>
    </message>
    <message>
        <source>Runs per figure; the median counts (this machine moves a few % from run to run)</source>
        <translation>수치 하나당 실행 횟수. 중앙값을 씁니다(이 머신은 실행마다 몇 %씩 달라집니다)</translation>
    </message>
    <message>
        <source>The real server is</source>
        <translation>실제 서버의 구성</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>Threads per worker</source>
        <translation>워커당 스레드</translation>
    </message>
    <message>
        <source>Each run</source>
        <translation>실행 한 번</translation>
    </message>
    <message>
        <source>Runs per figure</source>
        <translation>수치당 실행 횟수</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>검증</translation>
    </message>
    <message>
        <source>Run the fitted model and the real server on CPU-bound, I/O-bound and mixed requests at 10, 100 and 1,000 connections (a few minutes) and show Model vs real</source>
        <translation>피팅한 모델과 실제 서버를 연결 10, 100, 1,000개에서 CPU 바운드, I/O 바운드, 혼합 요청으로 실행하고(몇 분 걸림) 모델 대 실제를 보여 줍니다</translation>
    </message>
    <message>
        <source>Set the model, its shape and its framework cost in the controls</source>
        <translation>모델과 그 구성, 프레임워크 비용을 컨트롤에 설정</translation>
    </message>
    <message>
        <source>Run %1 (at most %2): %3</source>
        <translation>%1번째 실행 (최대 %2): %3</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>검증을 취소했습니다.</translation>
    </message>
    <message>
        <source>Model vs real, %1 s per run, real and model alternating:</source>
        <translation>모델 대 실제, 실행마다 %1초, 실제와 모델 번갈아:</translation>
    </message>
    <message>
        <source>Calibrated %1 to %2: framework cost %3 per request</source>
        <translation>%1을(를) %2에 맞춰 보정: 요청당 프레임워크 비용 %3</translation>
    </message>
    <message>
        <source> (+ %1 without the GIL)</source>
        <translation> (+ GIL 밖 %1)</translation>
    </message>
    <message>
        <source>The size of each worker&apos;s thread pool: gunicorn gthread --threads</source>
        <translation>워커마다 둔 스레드 풀의 크기: gunicorn gthread --threads</translation>
    </message>
    <message>
        <source> (+ %1 after each I/O wait)</source>
        <translation> (+ I/O 대기마다 %1)</translation>
    </message>
    <message>
        <source>Fits the model&apos;s framework cost per request to a real server, so that the model runs as fast as it at saturation: both are measured with requests that do no work, then the model&apos;s cost is corrected and measured again until it is within ±5 %. Give the URL of a route that does no work of its own (a &quot;hello world&quot;). For a real server whose CPU, not its threads, bounds it, the cost after each I/O wait is fitted the same way, with ?io_ms=50, and for one that keeps connections alive, the cost of each new connection, with Connection: close. Validate then compares the fitted model with the real server on CPU-bound, I/O-bound and mixed requests (the route must honour ?cpu_ms=&amp;io_ms=, see docs/validation.md).</source>
        <translation>모델의 요청당 프레임워크 비용을 실제 서버에 맞춰, 포화 상태에서 모델이 실제 서버만큼 빠르게 돌도록 합니다: 둘 다 아무 작업도 하지 않는 요청으로 잰 뒤, 모델의 비용을 고쳐 다시 재기를 ±5 % 안에 들 때까지 반복합니다. 자체 작업이 없는 경로(&quot;hello world&quot;)의 URL을 주세요. 스레드가 아니라 CPU가 한계인 실제 서버라면 I/O 대기마다 드는 비용도 ?io_ms=50으로 같은 방식으로 피팅하고, 연결을 유지하는 서버라면 새 연결마다 드는 비용도 Connection: close로 피팅합니다. 그다음 검증이 피팅한 모델과 실제 서버를 CPU 바운드, I/O 바운드, 혼합 요청에서 비교합니다(그 경로는 ?cpu_ms=&amp;io_ms=를 따라야 합니다. docs/validation.md 참고).</translation>
    </message>
    <message>
        <source> (+ %1 per new connection)</source>
        <translation> (+ 새 연결마다 %1)</translation>
    </message>
    <message>
        <source>Calibration</source>
        <translation>보정</translation>
    </message>
    <message>
        <source>Model vs real</source>
        <translation>모델 대 실제</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ChartPanel</name>
    <message>
        <source>Requests per second</source>
        <translation>초당 요청 수</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>지연 시간 백분위수</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>% of one core</source>
        <translation>코어 하나 대비 %</translation>
    </message>
    <message>
        <source>Server side: time averages per tick.
A line inside the band: in service = client open</source>
        <translation>서버 쪽: 틱별 시간 평균.
띠 안의 선: 처리 중 = 열린 클라이언트 연결</translation>
    </message>
    <message>
        <source>100 % = one core;
server = all its processes</source>
        <translation>100 % = 코어 하나.
서버 = 모든 서버 프로세스 합</translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation>Concurrency Lab</translation>
    </message>
    <message>
        <source>Pick a model and a preset, then press Start.</source>
        <translation>모델과 프리셋을 고른 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <source>client open</source>
        <translation>열린 연결(클라이언트)</translation>
    </message>
    <message>
        <source>in service</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>accept queue</source>
        <translation>accept 대기열</translation>
    </message>
    <message>
        <source>server</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>load generator</source>
        <translation>부하 생성기</translation>
    </message>
    <message>
        <source>latency</source>
        <translation>지연 시간</translation>
    </message>
    <message>
        <source> from due time</source>
        <translation> (예정 시각부터)</translation>
    </message>
    <message>
        <source>p99 from send (uncorrected)</source>
        <translation>p99 (보낸 시각부터, 보정 없음)</translation>
    </message>
    <message>
        <source>planned req/s</source>
        <translation>계획한 req/s</translation>
    </message>
    <message>
        <source>planned connections</source>
        <translation>계획한 연결</translation>
    </message>
    <message>
        <source>idle open</source>
        <translation>열린 유휴 연결</translation>
    </message>
</context>
<context>
    <name>conclab::ui::CompareTable</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>vs first</source>
        <translation>첫 실행 대비</translation>
    </message>
    <message>
        <source>p50 ms</source>
        <translation>p50 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>p99.9 ms</source>
        <translation>p99.9 ms</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>기준</translation>
    </message>
    <message>
        <source>Median (min–max) of %1 runs</source>
        <translation>%1회 실행의 중앙값 (최소–최대)</translation>
    </message>
    <message>
        <source>Requests per second as a multiple of the first run of the comparison (the baseline). A kept run is never the baseline.</source>
        <translation>비교의 첫 실행(기준) 대비 초당 요청 수의 배수. 남겨 둔 실행은 기준이 되지 않습니다.</translation>
    </message>
    <message>
        <source>Kept run (drawn faded behind the others): %1 · %2</source>
        <translation>남겨 둔 실행 (다른 실행 뒤에 흐리게 그림): %1 · %2</translation>
    </message>
    <message>
        <source>Peak in service</source>
        <translation>처리 중 최대</translation>
    </message>
    <message>
        <source>Peak waiting</source>
        <translation>대기 중 최대</translation>
    </message>
    <message>
        <source>The most requests the server was serving at one instant over the measured period (a thread reading a request counts)</source>
        <translation>측정 구간 동안 서버가 한순간에 처리하던 요청 수의 최댓값(요청을 읽고 있는 스레드도 셉니다)</translation>
    </message>
    <message>
        <source>The most requests that waited at one instant for a thread, the loop or a worker over the measured period</source>
        <translation>측정 구간 동안 스레드·루프·워커를 한순간에 기다리던 요청 수의 최댓값</translation>
    </message>
    <message>
        <source>Mean waiting</source>
        <translation>평균 대기</translation>
    </message>
    <message>
        <source>The most requests waiting for the server at one instant over the measured period</source>
        <translation>측정 구간에서 한순간에 서버를 기다린 요청의 최대 수</translation>
    </message>
    <message>
        <source>Requests waiting, averaged over time: a queue that lasts is as high as its peak; an event loop&apos;s momentary one (requests arriving while it writes other responses) averages far below it</source>
        <translation>기다리는 요청 수의 시간 평균: 계속 남아 있는 대기열은 최댓값만큼 높고, 이벤트 루프의 순간적인 대기(다른 응답을 쓰는 동안 도착한 요청)는 평균이 그보다 훨씬 낮습니다</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ControlPanel</name>
    <message>
        <source>Concurrency model</source>
        <translation>동시성 모델</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Inside each worker</source>
        <translation>워커 내부 모델</translation>
    </message>
    <message>
        <source>Scheduling</source>
        <translation>스케줄링</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>Closed loop (connections)</source>
        <translation>폐쇄 루프 (연결)</translation>
    </message>
    <message>
        <source>Open loop (rate)</source>
        <translation>개방 루프 (요청 속도)</translation>
    </message>
    <message>
        <source>Closed: each connection sends, waits, repeats: the load slows down with the server (like wrk). Open: requests are sent when they are due (like wrk2 -R), latency counted from then, so a stalling server shows in the latency (coordinated omission).</source>
        <translation>폐쇄: 각 연결이 요청을 보내고, 응답을 기다리고, 반복합니다. 서버가 느려지면 부하도 줄어듭니다(wrk처럼). 개방: 요청을 예정된 시각에 보내고(wrk2 -R처럼) 지연 시간을 그때부터 잽니다. 그래서 서버가 멈추면 지연 시간에 드러납니다(협조적 누락).</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>부하</translation>
    </message>
    <message>
        <source>Client connections</source>
        <translation>클라이언트 연결</translation>
    </message>
    <message>
        <source>Each sends a request, waits for the answer, repeats.</source>
        <translation>각 연결이 요청을 보내고, 응답을 기다리고, 반복합니다.</translation>
    </message>
    <message>
        <source>Arrival rate</source>
        <translation>도착률</translation>
    </message>
    <message>
        <source>Max connections</source>
        <translation>최대 연결</translation>
    </message>
    <message>
        <source>Handler CPU per request</source>
        <translation>요청당 핸들러 CPU</translation>
    </message>
    <message>
        <source>I/O wait per request</source>
        <translation>요청당 I/O 대기</translation>
    </message>
    <message>
        <source>A downstream call (database, API).</source>
        <translation>하위 호출(데이터베이스, API).</translation>
    </message>
    <message>
        <source>Framework overhead</source>
        <translation>프레임워크 오버헤드</translation>
    </message>
    <message>
        <source>Routing, parsing: Run → Calibrate fits it.</source>
        <translation>라우팅, 파싱: 실행 → 보정이 이 값을 맞춥니다.</translation>
    </message>
    <message>
        <source>Framework overhead without the GIL</source>
        <translation>GIL 밖 프레임워크 오버헤드</translation>
    </message>
    <message>
        <source>System calls, thread start: runs beside the GIL holder; on the event loop it is simply more CPU on the loop.</source>
        <translation>시스템 호출, 스레드 시작: GIL을 쥔 스레드와 나란히 실행됩니다. 이벤트 루프에서는 그냥 루프의 CPU가 늘어납니다.</translation>
    </message>
    <message>
        <source>Threads (0 = one per connection)</source>
        <translation>스레드 (0 = 연결마다 하나)</translation>
    </message>
    <message>
        <source>Worker processes</source>
        <translation>워커 프로세스</translation>
    </message>
    <message>
        <source>Cores on this machine: %1.</source>
        <translation>이 머신의 코어: %1개.</translation>
    </message>
    <message>
        <source>GIL switch interval</source>
        <translation>GIL 전환 간격</translation>
    </message>
    <message>
        <source>Listen backlog</source>
        <translation>listen 백로그</translation>
    </message>
    <message>
        <source>A full queue drops handshakes.</source>
        <translation>대기열이 가득 차면 핸드셰이크가 버려집니다.</translation>
    </message>
    <message>
        <source>CPU-heavy connections (convoy effect)</source>
        <translation>CPU 부하가 큰 연결 (호위 효과)</translation>
    </message>
    <message>
        <source>Next to the main load; their responses are kept out of the charts, which show what they do to everyone else.</source>
        <translation>주 부하 옆에서 돌아갑니다. 이 연결들의 응답은 차트에서 빼고, 차트는 이들이 다른 모든 요청에 주는 영향을 보여 줍니다.</translation>
    </message>
    <message>
        <source>CPU per heavy request</source>
        <translation>무거운 요청당 CPU</translation>
    </message>
    <message>
        <source>Run length (0 = until Stop)</source>
        <translation>실행 시간 (0 = 정지할 때까지)</translation>
    </message>
    <message>
        <source>A comparison runs each model this long (10 s if 0).</source>
        <translation>비교는 모델마다 이만큼 실행합니다(0이면 10초).</translation>
    </message>
    <message>
        <source>Advanced: timeouts, connection limit, slow clients</source>
        <translation>고급: 타임아웃, 연결 한도, 느린 클라이언트</translation>
    </message>
    <message>
        <source>−1 = the model&apos;s real default; 0 = none.</source>
        <translation>−1 = 모델이 흉내 내는 실제 서버의 기본값, 0 = 없음.</translation>
    </message>
    <message>
        <source>Header timeout</source>
        <translation>헤더 타임아웃</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>요청 타임아웃</translation>
    </message>
    <message>
        <source>Keep-alive timeout</source>
        <translation>keep-alive 타임아웃</translation>
    </message>
    <message>
        <source>Worker timeout (gunicorn arbiter)</source>
        <translation>워커 타임아웃 (gunicorn arbiter)</translation>
    </message>
    <message>
        <source>Connections per worker (0 = unlimited)</source>
        <translation>워커당 연결 (0 = 무제한)</translation>
    </message>
    <message>
        <source>gevent&apos;s worker_connections (1000), nginx&apos;s (768 in Debian).</source>
        <translation>gevent의 worker_connections(1000), nginx의 값(Debian에서 768).</translation>
    </message>
    <message>
        <source>Slow clients</source>
        <translation>느린 클라이언트</translation>
    </message>
    <message>
        <source>Connections that send a request one byte a second and never finish it, beside the normal load, counted apart.</source>
        <translation>요청을 초당 1바이트씩 보내고 끝내지 않는 연결. 보통 부하 옆에서 돌아가며 따로 셉니다.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Start or stop the experiment (Space, Ctrl+R)</source>
        <translation>실험 시작 또는 정지 (Space, Ctrl+R)</translation>
    </message>
    <message>
        <source>Compare models</source>
        <translation>모델 비교</translation>
    </message>
    <message>
        <source>Run the same workload on each model in turn and overlay the results (Ctrl+M)</source>
        <translation>같은 워크로드를 모델마다 차례로 실행하고 결과를 겹쳐 봅니다 (Ctrl+M)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Real server</source>
        <translation>실제 서버</translation>
    </message>
    <message>
        <source>http://127.0.0.1:5000/</source>
        <translation>http://127.0.0.1:5000/</translation>
    </message>
    <message>
        <source>A server of your own, measured with the same load generator: its workload is its own (put ?cpu_ms= in the URL if it reads one). Server-side series stay empty.</source>
        <translation>직접 띄운 서버를 같은 부하 생성기로 잽니다. 워크로드는 그 서버의 것입니다(서버가 ?cpu_ms=를 읽는다면 URL에 넣으세요). 서버 쪽 시계열은 비어 있습니다.</translation>
    </message>
    <message>
        <source>Allow a remote target</source>
        <translation>원격 대상 허용</translation>
    </message>
    <message>
        <source>Only 127.0.0.1 / localhost unless ticked: a load test of someone else&apos;s server is an attack on it.</source>
        <translation>체크하지 않으면 127.0.0.1 / localhost만: 남의 서버에 부하 테스트를 하는 것은 공격입니다.</translation>
    </message>
    <message>
        <source>Start drives it instead of a model</source>
        <translation>시작하면 모델 대신 이 서버를 측정</translation>
    </message>
    <message>
        <source>Include it in Compare (first)</source>
        <translation>비교에 포함 (맨 앞)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source> ×</source>
        <translation> ×</translation>
    </message>
    <message>
        <source>Compare runs each run this many times; the table shows the median and the spread (min–max)</source>
        <translation>비교에서 실행마다 이 횟수만큼 반복합니다. 표에는 중앙값과 범위(최소–최대)가 나옵니다</translation>
    </message>
    <message>
        <source>Compare: repeat each run</source>
        <translation>비교: 실행마다 반복</translation>
    </message>
    <message>
        <source>Optional: a server of your own to measure and compare.</source>
        <translation>선택: 측정하고 비교할 직접 띄운 서버.</translation>
    </message>
    <message>
        <source>Measured from outside: requests/s, latency and client connections only.</source>
        <translation>바깥에서 측정: 초당 요청 수, 지연 시간, 클라이언트 연결만.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Framework cost after each I/O wait</source>
        <translation>I/O 대기마다 드는 프레임워크 비용</translation>
    </message>
    <message>
        <source>A thread woken after a downstream call runs on cold caches and takes the GIL back from other waiters: Run → Calibrate fits it.</source>
        <translation>하위 호출 뒤에 깨어난 스레드는 식은 캐시로 돌고, 다른 대기자들에게서 GIL을 되찾아야 합니다. 실행 → 보정이 이 값을 맞춥니다.</translation>
    </message>
    <message>
        <source>Framework cost per new connection</source>
        <translation>새 연결당 프레임워크 비용</translation>
    </message>
    <message>
        <source>Node&apos;s socket and parser objects, gevent&apos;s greenlet: run where the server accepts, before it takes the next connection.</source>
        <translation>Node의 소켓과 파서 객체, gevent의 그린렛: 서버가 연결을 받는 곳에서, 다음 연결을 받기 전에 실행됩니다.</translation>
    </message>
</context>
<context>
    <name>conclab::ui::CostChart</name>
    <message>
        <source>Cost: server memory and threads against connections</source>
        <translation>비용: 연결 수에 따른 서버 메모리와 스레드</translation>
    </message>
    <message>
        <source>connections the server holds</source>
        <translation>서버가 붙잡은 연결</translation>
    </message>
    <message>
        <source>resident memory (MiB), solid</source>
        <translation>상주 메모리 (MiB), 실선</translation>
    </message>
    <message>
        <source>threads, dashed</source>
        <translation>스레드, 파선</translation>
    </message>
    <message>
        <source> — memory</source>
        <translation> — 메모리</translation>
    </message>
    <message>
        <source> — threads</source>
        <translation> — 스레드</translation>
    </message>
    <message>
        <source>%1 — memory (%2 KiB per connection)</source>
        <translation>%1 — 메모리 (연결당 %2 KiB)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ExportDialog</name>
    <message>
        <source>Export charts</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>All charts on one page</source>
        <translation>모든 차트를 한 페이지에</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>초당 요청 수</translation>
    </message>
    <message>
        <source>Latency percentiles</source>
        <translation>지연 시간 백분위수</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Inside the server</source>
        <translation>서버 내부</translation>
    </message>
    <message>
        <source>Latency by percentile</source>
        <translation>백분위수별 지연 시간</translation>
    </message>
    <message>
        <source>PNG only: pixels per logical pixel (2× for sharp slides). SVG and PDF are vector and scale freely.</source>
        <translation>PNG만 해당: 논리 픽셀당 픽셀 수(슬라이드를 선명하게 하려면 2×). SVG와 PDF는 벡터라 자유롭게 확대됩니다.</translation>
    </message>
    <message>
        <source>Light (presentation style)</source>
        <translation>밝게 (발표용 스타일)</translation>
    </message>
    <message>
        <source>Dark (presentation style)</source>
        <translation>어둡게 (발표용 스타일)</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>차트</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>너비</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>높이</translation>
    </message>
    <message>
        <source>PNG scale</source>
        <translation>PNG 배율</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>배경</translation>
    </message>
    <message>
        <source>Server cost</source>
        <translation>서버 비용</translation>
    </message>
</context>
<context>
    <name>conclab::ui::FileMenu</name>
    <message>
        <source>&amp;Export charts…</source>
        <translation>차트 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>Save the charts as PNG, SVG or PDF for a slide (Ctrl+E)</source>
        <translation>슬라이드용으로 차트를 PNG, SVG, PDF로 저장합니다 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export &amp;report…</source>
        <translation>보고서 내보내기(&amp;R)…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>보고서 내보내기</translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <source>Save everything the run says in one file: a self-contained HTML page or PDF slides (Ctrl+Shift+E)</source>
        <translation>실행 결과 전체를 한 파일로 저장합니다: 독립 HTML 페이지 또는 PDF 슬라이드 (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <source>Open &amp;run…</source>
        <translation>실행 열기(&amp;R)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Show a run or comparison saved as JSON (conclab-cli --json, File → Export data)</source>
        <translation>JSON으로 저장한 실행이나 비교를 보여 줍니다 (conclab-cli --json, 파일 → 데이터 내보내기)</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>시나리오 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>시나리오 열기</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>&amp;Save scenario…</source>
        <translation>시나리오 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Save scenario</source>
        <translation>시나리오 저장</translation>
    </message>
    <message>
        <source>Export &amp;data…</source>
        <translation>데이터 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>데이터 내보내기</translation>
    </message>
    <message>
        <source>concurrency-lab.json</source>
        <translation>concurrency-lab.json</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV time series (*.csv)</source>
        <translation>JSON 보고서 (*.json);;CSV 시계열 (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Copy charts</source>
        <translation>차트 복사(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>차트 내보내기</translation>
    </message>
    <message>
        <source>concurrency-lab.png</source>
        <translation>concurrency-lab.png</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG vector (*.svg);;PDF vector (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG 벡터 (*.svg);;PDF 벡터 (*.pdf)</translation>
    </message>
    <message>
        <source>concurrency-lab-report.html</source>
        <translation>concurrency-lab-report.html</translation>
    </message>
    <message>
        <source>HTML report (*.html);;PDF slides (*.pdf)</source>
        <translation>HTML 보고서 (*.html);;PDF 슬라이드 (*.pdf)</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>실행 열기</translation>
    </message>
    <message>
        <source>Saved runs (*.json);;All files (*)</source>
        <translation>저장한 실행 (*.json);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::InternalsChart</name>
    <message>
        <source>Inside the server</source>
        <translation>서버 내부</translation>
    </message>
    <message>
        <source>% of the tick</source>
        <translation>틱 대비 %</translation>
    </message>
    <message>
        <source>What the server measured inside itself, per tick: the event loop&apos;s delay and utilisation (Node&apos;s monitorEventLoopDelay, eventLoopUtilization), the GIL&apos;s held share, waiters and hand-offs (gil_load, per4m, sys.setswitchinterval), and each worker process&apos;s requests/s. Hover a legend entry for its meaning.</source>
        <translation>서버가 자기 안에서 틱마다 잰 값: 이벤트 루프의 지연과 사용률(Node의 monitorEventLoopDelay, eventLoopUtilization), GIL 점유율, 대기자와 넘겨주기(gil_load, per4m, sys.setswitchinterval), 워커 프로세스별 초당 요청 수. 범례 항목에 마우스를 올리면 뜻이 나옵니다.</translation>
    </message>
    <message>
        <source>worker %1 (req/s)</source>
        <translation>워커 %1 (req/s)</translation>
    </message>
    <message>
        <source>Requests/s completed by worker process %1 (a Node cluster worker, a gunicorn worker). Uneven lines = uneven scheduling (the kernel&apos;s accept under a burst); a line that stops and a new PID = a worker that died and its replacement.</source>
        <translation>워커 프로세스 %1(Node cluster 워커, gunicorn 워커)가 초당 완료한 요청 수. 선들이 고르지 않으면 스케줄링이 고르지 않은 것이고(몰릴 때의 커널 accept), 선이 끊기고 새 PID가 나타나면 워커가 죽고 대체된 것입니다.</translation>
    </message>
    <message>
        <source>req/s per worker</source>
        <translation>워커별 req/s</translation>
    </message>
    <message>
        <source>appears once a run starts: loop delay, GIL, workers</source>
        <translation>실행을 시작하면 나타납니다: 루프 지연, GIL, 워커</translation>
    </message>
    <message>
        <source>ms · threads · /s</source>
        <translation>ms · 스레드 · /s</translation>
    </message>
</context>
<context>
    <name>conclab::ui::KeptRun</name>
    <message>
        <source>&amp;Keep last run as ghost</source>
        <translation>마지막 실행을 고스트로 남기기(&amp;K)</translation>
    </message>
    <message>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <source>Draw the last finished run, faded, behind the next ones (Ctrl+G toggles)</source>
        <translation>마지막으로 끝난 실행을 다음 실행들 뒤에 흐리게 그립니다 (Ctrl+G로 켜고 끔)</translation>
    </message>
    <message>
        <source>C&amp;lear ghost</source>
        <translation>고스트 지우기(&amp;L)</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <source>Keep the run that was kept as the ghost</source>
        <translation>고스트로 남겨 두었던 실행을 다시 남깁니다</translation>
    </message>
    <message>
        <source>Ghost cleared</source>
        <translation>고스트를 지웠습니다</translation>
    </message>
    <message>
        <source>No finished run to keep yet</source>
        <translation>남겨 둘 끝난 실행이 아직 없습니다</translation>
    </message>
    <message>
        <source>Kept %1: the next runs are drawn over it, faded</source>
        <translation>%1을(를) 남겨 두었습니다: 다음 실행들을 그 위에 흐리게 그립니다</translation>
    </message>
    <message>
        <source>No kept run: the next run is drawn alone</source>
        <translation>남겨 둔 실행 없음: 다음 실행만 그립니다</translation>
    </message>
    <message>
        <source>Ghost cleared (%1): %2 was another experiment</source>
        <translation>고스트를 지웠습니다(%1): %2은(는) 다른 실험이었습니다</translation>
    </message>
    <message>
        <source>Kept %1 again: the next runs are drawn over it</source>
        <translation>%1을(를) 다시 남겨 두었습니다: 다음 실행들을 그 위에 그립니다</translation>
    </message>
    <message>
        <source>another preset</source>
        <translation>다른 프리셋</translation>
    </message>
    <message>
        <source>another model</source>
        <translation>다른 모델</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>남김</translation>
    </message>
    <message>
        <source>Faded: kept run, %1 · %2</source>
        <translation>흐리게: 남겨 둔 실행, %1 · %2</translation>
    </message>
</context>
<context>
    <name>conclab::ui::KillWorkerAction</name>
    <message>
        <source>&amp;Kill a worker</source>
        <translation>워커 강제 종료(&amp;K)</translation>
    </message>
    <message>
        <source>Send SIGKILL to the busiest worker process (the arrow: choose one). The server replaces it, as gunicorn&apos;s arbiter and Node&apos;s cluster &apos;exit&apos; handler do; the charts show the drop, the errors and the new PID. Process per core only.</source>
        <translation>가장 바쁜 워커 프로세스에 SIGKILL을 보냅니다(화살표: 직접 고르기). gunicorn의 arbiter나 Node cluster의 &apos;exit&apos; 핸들러처럼 서버가 새 워커로 대체하고, 차트에 처리량 하락, 오류, 새 PID가 나타납니다. 코어당 프로세스에서만.</translation>
    </message>
    <message>
        <source>The busiest worker</source>
        <translation>가장 바쁜 워커</translation>
    </message>
    <message>
        <source>Worker %1</source>
        <translation>워커 %1</translation>
    </message>
    <message>
        <source>Not killed: %1</source>
        <translation>종료하지 못함: %1</translation>
    </message>
    <message>
        <source>Killed worker %1 (SIGKILL); the server starts a replacement</source>
        <translation>워커 %1을(를) 강제 종료(SIGKILL)했습니다. 서버가 대체 워커를 시작합니다</translation>
    </message>
</context>
<context>
    <name>conclab::ui::LoadPlanEdit</name>
    <message>
        <source>Load plan (stages)</source>
        <translation>부하 계획 (단계)</translation>
    </message>
    <message>
        <source>e.g. 5s:10,10s:1000,5s:0 (empty = no plan)</source>
        <translation>예: 5s:10,10s:1000,5s:0 (비우면 계획 없음)</translation>
    </message>
    <message>
        <source>duration:target, …: over each stage the load moves linearly to its target, like k6 stages. Targets are connections in a closed loop, requests/s in an open loop. Moving the connections or rate slider during the run takes over: the plan stops.
Scenario key &quot;stages&quot;, CLI --stages</source>
        <translation>기간:목표, …: 단계마다 부하가 목표까지 직선으로 움직입니다(k6 stages처럼). 목표는 폐쇄 루프에서는 연결 수, 개방 루프에서는 초당 요청 수입니다. 실행 중에 연결이나 요청 속도 슬라이더를 움직이면 그쪽이 우선하고 계획은 멈춥니다.
시나리오 키 &quot;stages&quot;, CLI --stages</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1 — no plan until it is fixed&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1 — 고칠 때까지 계획 없음&lt;/span&gt;</translation>
    </message>
</context>
<context>
    <name>conclab::ui::MainWindow</name>
    <message>
        <source>Cannot export the report</source>
        <translation>보고서를 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>보고서를 %1에 썼습니다</translation>
    </message>
    <message>
        <source>Cannot open a run</source>
        <translation>실행을 열 수 없음</translation>
    </message>
    <message>
        <source>Stop the experiment first.</source>
        <translation>먼저 실험을 정지하세요.</translation>
    </message>
    <message>
        <source>Cannot open the run</source>
        <translation>실행을 열 수 없음</translation>
    </message>
    <message>
        <source>Opened %1: keep it as a ghost (Ctrl+G) to draw the next run over it</source>
        <translation>%1을(를) 열었습니다: 고스트로 남기면(Ctrl+G) 다음 실행을 그 위에 그립니다</translation>
    </message>
    <message>
        <source>Cannot start</source>
        <translation>시작할 수 없음</translation>
    </message>
    <message>
        <source>Give the real server&apos;s URL, or untick &quot;Start drives it&quot;.</source>
        <translation>실제 서버의 URL을 입력하거나 &quot;시작하면 모델 대신 이 서버를 측정&quot;의 체크를 해제하세요.</translation>
    </message>
    <message>
        <source>Comparison: run %1 of %2 (%3)</source>
        <translation>비교: 실행 %2개 중 %1번째 (%3)</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>%1 실행 중</translation>
    </message>
    <message>
        <source>Comparison: %1, repeat %2 of %3 (run %4 of %5)</source>
        <translation>비교: %1, 반복 %3회 중 %2번째 (실행 %5개 중 %4번째)</translation>
    </message>
    <message>
        <source>Each run %1 times: the table shows the median (min–max), the charts the run nearest each median</source>
        <translation>실행마다 %1회: 표에는 중앙값(최소–최대), 차트에는 각 중앙값에 가장 가까운 실행이 나옵니다</translation>
    </message>
    <message>
        <source>Finished: %1 req/s, p99 %2 ms, %3 errors</source>
        <translation>끝남: %1 req/s, p99 %2 ms, 오류 %3개</translation>
    </message>
    <message>
        <source>The runs differ %1× in requests/s: tick &quot;log&quot; on the chart (or View → Logarithmic requests/s axis) to see the slower one</source>
        <translation>실행 간 초당 요청 수가 %1배 차이 납니다: 느린 쪽을 보려면 차트의 &quot;로그&quot;를 체크하세요(또는 보기 → 초당 요청 수 로그 축)</translation>
    </message>
    <message>
        <source>Changed %1</source>
        <translation>%1 변경</translation>
    </message>
    <message>
        <source>Not applied: %1</source>
        <translation>적용 안 됨: %1</translation>
    </message>
    <message>
        <source>Cannot open scenario</source>
        <translation>시나리오를 열 수 없음</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1을(를) 열었습니다</translation>
    </message>
    <message>
        <source>Cannot save scenario</source>
        <translation>시나리오를 저장할 수 없음</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1을(를) 저장했습니다</translation>
    </message>
    <message>
        <source>Concurrency Lab</source>
        <translation>Concurrency Lab</translation>
    </message>
    <message>
        <source>&lt;b&gt;Presets&lt;/b&gt; (double-click runs one)</source>
        <translation>&lt;b&gt;프리셋&lt;/b&gt; (더블클릭하면 실행)</translation>
    </message>
    <message>
        <source>Experiment</source>
        <translation>실험</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>프리셋(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>Cannot export charts</source>
        <translation>차트를 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Exported %1</source>
        <translation>%1 내보냄</translation>
    </message>
    <message>
        <source>Cannot export data</source>
        <translation>데이터를 내보낼 수 없음</translation>
    </message>
    <message>
        <source>Charts copied to the clipboard</source>
        <translation>차트를 클립보드에 복사했습니다</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ModelVsRealTable</name>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Save the table as CSV or JSON, or the chart as PNG, SVG or PDF</source>
        <translation>표를 CSV나 JSON으로, 또는 차트를 PNG, SVG, PDF로 저장</translation>
    </message>
    <message>
        <source>Workload</source>
        <translation>워크로드</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Real req/s</source>
        <translation>실제 req/s</translation>
    </message>
    <message>
        <source>Model req/s</source>
        <translation>모델 req/s</translation>
    </message>
    <message>
        <source>req/s ×</source>
        <translation>req/s ×</translation>
    </message>
    <message>
        <source>Real p99 ms</source>
        <translation>실제 p99 ms</translation>
    </message>
    <message>
        <source>Model p99 ms</source>
        <translation>모델 p99 ms</translation>
    </message>
    <message>
        <source>p99 ×</source>
        <translation>p99 ×</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>판정</translation>
    </message>
    <message>
        <source> (not counted)</source>
        <translation> (반영 안 함)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; against %2: the worst ratio is &lt;b&gt;%3×&lt;/b&gt; (fidelity; 0.8 is as far off as 1.25); %4 of %5 points outside ±15 % req/s or ×1.5 p99 where the server is saturated.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 대 %2: 최악 비율은 &lt;b&gt;%3×&lt;/b&gt;입니다(충실도; 0.8은 1.25만큼 벗어난 것). 서버가 포화된 곳에서 점 %5개 중 %4개가 req/s ±15 % 또는 p99 ×1.5 밖입니다.</translation>
    </message>
    <message>
        <source>nothing to export yet</source>
        <translation>아직 내보낼 것이 없습니다</translation>
    </message>
    <message>
        <source>the file name must end in .csv, .json, .png, .svg or .pdf</source>
        <translation>파일 이름은 .csv, .json, .png, .svg, .pdf로 끝나야 합니다</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Export Model vs real</source>
        <translation>모델 대 실제 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json);;PNG chart (*.png);;SVG chart (*.svg);;PDF chart (*.pdf)</source>
        <translation>CSV (*.csv);;JSON (*.json);;PNG 차트 (*.png);;SVG 차트 (*.svg);;PDF 차트 (*.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>%1 runs ranged %2–%3%4</source>
        <translation>%1회 실행 범위: %2–%3%4</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> req/s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Within only against the real server&apos;s own spread (its runs disagreed by more than the bound, or it and the model landed alike in a race): %1.</source>
        <translation>실제 서버 자체의 편차에 비추어서만 범위 안인 지점 (실제 서버의 실행끼리 허용 범위보다 더 크게 달랐거나, 경합에서 실제 서버와 모델이 비슷하게 놓였음): %1개.</translation>
    </message>
    <message>
        <source>Real server: %1</source>
        <translation>실제 서버: %1</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
</context>
<context>
    <name>conclab::ui::PresentationMode</name>
    <message>
        <source>&amp;Presentation</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen for a projector: → / ← step through the presets, Space starts and stops, Esc leaves (F5)</source>
        <translation>프로젝터용 전체 화면: → / ←로 프리셋을 넘기고, Space로 시작·정지, Esc로 나갑니다 (F5)</translation>
    </message>
    <message>
        <source>Left presentation mode (F5 opens it again)</source>
        <translation>발표 모드를 나왔습니다 (F5로 다시 엽니다)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::PresentationWindow</name>
    <message>
        <source>Dark</source>
        <translation>어둡게</translation>
    </message>
    <message>
        <source>Concurrency Lab — presentation</source>
        <translation>Concurrency Lab — 발표</translation>
    </message>
    <message>
        <source>— one chart —</source>
        <translation>— 차트 하나 —</translation>
    </message>
    <message>
        <source>→ / Page Down: next preset · ← / Page Up: previous · Space: start / stop · Esc: leave</source>
        <translation>→ / Page Down: 다음 프리셋 · ← / Page Up: 이전 · Space: 시작 / 정지 · Esc: 나가기</translation>
    </message>
    <message>
        <source>kept run</source>
        <translation>남겨 둔 실행</translation>
    </message>
</context>
<context>
    <name>conclab::ui::PresetPicker</name>
    <message>
        <source>Load a preset and run it</source>
        <translation>프리셋을 불러와 실행</translation>
    </message>
    <message>
        <source>Presets…</source>
        <translation>프리셋…</translation>
    </message>
</context>
<context>
    <name>conclab::ui::RecentRunsMenu</name>
    <message>
        <source>Open r&amp;ecent run</source>
        <translation>최근 실행 열기(&amp;E)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ResourcesChart</name>
    <message>
        <source>Server cost</source>
        <translation>서버 비용</translation>
    </message>
    <message>
        <source>All the server&apos;s processes, summed.
A real server: with --target-pid only</source>
        <translation>서버의 모든 프로세스 합계.
실제 서버: --target-pid를 줄 때만</translation>
    </message>
    <message>
        <source>What a connection costs the server, per tick: its resident memory, its threads and its context switches. Hover a legend entry for its meaning.</source>
        <translation>연결이 서버에 드는 비용을 틱마다: 상주 메모리, 스레드, 컨텍스트 스위치. 범례 항목에 마우스를 올리면 뜻이 나옵니다.</translation>
    </message>
    <message>
        <source>memory (MiB, %1 KiB per connection)</source>
        <translation>메모리 (MiB, 연결당 %1 KiB)</translation>
    </message>
    <message>
        <source>appears once a run starts: memory, threads, context switches</source>
        <translation>실행을 시작하면 나타납니다: 메모리, 스레드, 컨텍스트 스위치</translation>
    </message>
    <message>
        <source>This run: %1 KiB per connection</source>
        <translation>이 실행: 연결당 %1 KiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <source>threads · /s</source>
        <translation>스레드 · /s</translation>
    </message>
</context>
<context>
    <name>conclab::ui::RunDisplay</name>
    <message>
        <source> #%1</source>
        <translation> #%1</translation>
    </message>
</context>
<context>
    <name>conclab::ui::RunHeading</name>
    <message>
        <source>Comparison of models</source>
        <translation>모델 비교</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> 대 </translation>
    </message>
</context>
<context>
    <name>conclab::ui::RunMenu</name>
    <message>
        <source>&amp;Start</source>
        <translation>시작(&amp;S)</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Start or stop the experiment (Space, Ctrl+R)</source>
        <translation>실험 시작 또는 정지 (Space, Ctrl+R)</translation>
    </message>
    <message>
        <source>&amp;Compare models</source>
        <translation>모델 비교(&amp;C)</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Run the same workload on each model in turn and overlay the results (Ctrl+M)</source>
        <translation>같은 워크로드를 모델마다 차례로 실행하고 결과를 겹쳐 봅니다 (Ctrl+M)</translation>
    </message>
    <message>
        <source>C&amp;alibrate against a real server…</source>
        <translation>실제 서버에 맞춰 보정(&amp;A)…</translation>
    </message>
    <message>
        <source>Concurrency &amp;sweep (X(N), USL fit)…</source>
        <translation>동시성 스윕(&amp;S) (X(N), USL 피팅)…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <source>Sweep…</source>
        <translation>스윕…</translation>
    </message>
    <message>
        <source>Concurrency sweep: X(N) over a list of connection counts, with Little&apos;s law and a USL fit (Ctrl+Shift+W)</source>
        <translation>동시성 스윕: 연결 수 목록에 따른 X(N)과 리틀의 법칙 검사, USL 피팅 (Ctrl+Shift+W)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>정지(&amp;S)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::RunStatus</name>
    <message>
        <source>Idle</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>끝남</translation>
    </message>
    <message>
        <source>port %1</source>
        <translation>포트 %1</translation>
    </message>
    <message>
        <source>%1 · %2 s · %3</source>
        <translation>%1 · %2초 · %3</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>정지됨: %1</translation>
    </message>
</context>
<context>
    <name>conclab::ui::SpectrumChart</name>
    <message>
        <source>Latency by percentile</source>
        <translation>백분위수별 지연 시간</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>percentile (log of the nines)</source>
        <translation>백분위수 (9의 개수, 로그)</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>HdrHistogram&apos;s percentile distribution of the run&apos;s latencies (from each request&apos;s intended send time): a flat line = predictable; a line that turns up at 99 or 99.9 = a tail, e.g. requests queued behind CPU work or a GIL hand-off.</source>
        <translation>실행 지연 시간의 HdrHistogram 백분위수 분포(각 요청의 예정 송신 시각부터): 평평하면 예측 가능하고, 99나 99.9에서 치솟으면 꼬리가 있다는 뜻입니다. 예를 들어 CPU 작업이나 GIL 넘겨주기 뒤에 줄 선 요청들입니다.</translation>
    </message>
</context>
<context>
    <name>conclab::ui::SweepChart</name>
    <message>
        <source>Throughput X(N)</source>
        <translation>처리량 X(N)</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>req/s</translation>
    </message>
    <message>
        <source>Latency R(N)</source>
        <translation>지연 시간 R(N)</translation>
    </message>
    <message>
        <source>ms (mean)</source>
        <translation>ms (평균)</translation>
    </message>
    <message>
        <source>USL fit (solid)</source>
        <translation>USL 피팅 (실선)</translation>
    </message>
    <message>
        <source>linear ideal λN (dotted)</source>
        <translation>선형 이상치 λN (점선)</translation>
    </message>
    <message>
        <source>Amdahl bound, κ = 0 (dashed)</source>
        <translation>암달 한계, κ = 0 (파선)</translation>
    </message>
    <message>
        <source>, measured mean</source>
        <translation>, 측정 평균</translation>
    </message>
    <message>
        <source>N / X(N) of the fit (solid)</source>
        <translation>피팅의 N / X(N) (실선)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::SweepWindow</name>
    <message>
        <source>Concurrency sweep — Concurrency Lab</source>
        <translation>동시성 스윕 — Concurrency Lab</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>X req/s</source>
        <translation>X req/s</translation>
    </message>
    <message>
        <source>mean ms</source>
        <translation>평균 ms</translation>
    </message>
    <message>
        <source>p99 ms</source>
        <translation>p99 ms</translation>
    </message>
    <message>
        <source>X·R / N</source>
        <translation>X·R / N</translation>
    </message>
    <message>
        <source>Little&apos;s law</source>
        <translation>리틀의 법칙</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>정지했습니다.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>완료.</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot run: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;실행할 수 없음: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>스윕</translation>
    </message>
    <message>
        <source>The main window&apos;s workload</source>
        <translation>메인 창의 워크로드</translation>
    </message>
    <message>
        <source>A preset sweep per article claim, or the workload set in the main window&apos;s controls</source>
        <translation>글의 주장마다 준비한 프리셋 스윕, 또는 메인 창 컨트롤에 설정한 워크로드</translation>
    </message>
    <message>
        <source>Open a sweep scenario…</source>
        <translation>스윕 시나리오 열기…</translation>
    </message>
    <message>
        <source>A scenario file with a &quot;sweep&quot; section (as conclab-cli sweep --scenario reads)</source>
        <translation>&quot;sweep&quot; 섹션이 있는 시나리오 파일(conclab-cli sweep --scenario가 읽는 형식)</translation>
    </message>
    <message>
        <source>Open a sweep scenario</source>
        <translation>스윕 시나리오 열기</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>시나리오 (*.json)</translation>
    </message>
    <message>
        <source>Event loop</source>
        <translation>이벤트 루프</translation>
    </message>
    <message>
        <source>GIL-locked threads</source>
        <translation>GIL에 묶인 스레드</translation>
    </message>
    <message>
        <source>Process per core</source>
        <translation>코어당 프로세스</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>Connection counts N, in order; the fit needs N = 1 and six points</source>
        <translation>연결 수 N을 순서대로. 피팅에는 N = 1과 점 6개가 필요합니다</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>채우기</translation>
    </message>
    <message>
        <source>A geometric series from … to … in … steps</source>
        <translation>… 부터 … 까지 … 단계의 등비수열</translation>
    </message>
    <message>
        <source>or from/to/steps</source>
        <translation>또는 시작/끝/단계</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 초</translation>
    </message>
    <message>
        <source>Measured per point</source>
        <translation>점마다 측정</translation>
    </message>
    <message>
        <source>The start of every point, discarded</source>
        <translation>각 점의 시작 부분, 버림</translation>
    </message>
    <message>
        <source>Warm-up per point</source>
        <translation>점마다 워밍업</translation>
    </message>
    <message>
        <source>Run sweep</source>
        <translation>스윕 실행</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>차트 내보내기…</translation>
    </message>
    <message>
        <source>Workload: %1 ms CPU + %2 ms I/O per request; %3 GIL threads</source>
        <translation>워크로드: 요청당 CPU %1 ms + I/O %2 ms, GIL 스레드 %3개</translation>
    </message>
    <message>
        <source>%1 has no &quot;sweep&quot; section (connections, step_duration, warmup)</source>
        <translation>%1에 &quot;sweep&quot; 섹션(connections, step_duration, warmup)이 없습니다</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>tick at least one model</source>
        <translation>모델을 하나 이상 체크하세요</translation>
    </message>
    <message>
        <source>Concurrency sweep: %1</source>
        <translation>동시성 스윕: %1</translation>
    </message>
    <message>
        <source> vs </source>
        <translation> 대 </translation>
    </message>
    <message>
        <source>Starting %1 …</source>
        <translation>%1 시작 중 …</translation>
    </message>
    <message>
        <source>Stopping …</source>
        <translation>멈추는 중 …</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>정상</translation>
    </message>
    <message>
        <source>bad point: %1</source>
        <translation>잘못된 점: %1</translation>
    </message>
    <message>
        <source>%1: point %2 of %3 (N = %4) done</source>
        <translation>%1: 점 %3개 중 %2번째(N = %4) 완료</translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;: %3</source>
        <translation>&lt;b style=&apos;color:%1&apos;&gt;%2&lt;/b&gt;: %3</translation>
    </message>
    <message>
        <source>USL fit X(N) = λN / (1 + σ(N−1) + κN(N−1)), 95 % intervals in parentheses:&lt;br&gt;</source>
        <translation>USL 피팅 X(N) = λN / (1 + σ(N−1) + κN(N−1)), 괄호 안은 95 % 구간:&lt;br&gt;</translation>
    </message>
    <message>
        <source>Export sweep chart</source>
        <translation>스윕 차트 내보내기</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG (*.svg);;PDF (*.pdf)</source>
        <translation>PNG 이미지 (*.png);;SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Wrote %1</source>
        <translation>%1에 썼습니다</translation>
    </message>
    <message>
        <source>Idle connections (what a connection costs)</source>
        <translation>유휴 연결 (연결 하나의 비용)</translation>
    </message>
    <message>
        <source>The counts are connections that send one request and then wait, open, beside the workload&apos;s connections: the Cost chart shows each model&apos;s memory and threads against them.</source>
        <translation>이 수는 워크로드의 연결 옆에서 요청 하나를 보낸 뒤 열어 둔 채 기다리는 연결 수입니다: 비용 차트가 모델마다 이들에 따른 메모리와 스레드를 보여 줍니다.</translation>
    </message>
</context>
<context>
    <name>conclab::ui::TimeSeriesChart</name>
    <message>
        <source>log</source>
        <translation>로그</translation>
    </message>
    <message>
        <source>Logarithmic axis: a small series stays visible next to one a hundred times larger</source>
        <translation>로그 축: 백 배 큰 시리즈 옆에서도 작은 시리즈가 보이게 합니다</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>시간 (초)</translation>
    </message>
</context>
<context>
    <name>conclab::ui::ViewMenu</name>
    <message>
        <source>Show the &amp;whole run (not the last 60 s)</source>
        <translation>실행 전체 보기(&amp;W) (최근 60초만이 아니라)</translation>
    </message>
    <message>
        <source>Logarithmic &amp;requests/s axis</source>
        <translation>초당 요청 수 로그 축(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Logarithmic latency axis</source>
        <translation>지연 시간 로그 축(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Inside the server and latency by percentile</source>
        <translation>서버 내부와 백분위수별 지연 시간(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dark charts</source>
        <translation>어두운 차트(&amp;D)</translation>
    </message>
</context>
</TS>
