import { pri, ts, type Vector } from './types.js';

const C = 'device' as const;

/** Lines as network devices and daemons send them (addresses and serials anonymised). */
export const DEVICE_VECTORS: readonly Vector[] = [
  // Cisco ASA
  {
    name: 'Cisco ASA with timestamp (year before time) and device-id: "host : %ASA-…"',
    category: C,
    raw: '<166>Jan 15 2024 10:00:00 asa01 : %ASA-6-302013: Built inbound TCP connection 1234 for outside:198.51.100.7/51515 (198.51.100.7/51515) to inside:10.0.0.5/443 (10.0.0.5/443)',
    expect: {
      valid: true,
      ...pri(166),
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: 'asa01',
      appName: '%ASA-6-302013',
      message:
        'Built inbound TCP connection 1234 for outside:198.51.100.7/51515 (198.51.100.7/51515) to inside:10.0.0.5/443 (10.0.0.5/443)',
    },
  },
  {
    name: 'Cisco ASA without timestamp',
    category: C,
    raw: '<166>%ASA-6-302014: Teardown TCP connection 1234 for outside:198.51.100.7/51515 to inside:10.0.0.5/443 duration 0:00:30 bytes 5120 TCP FINs',
    expect: { valid: true, timestamp: null, hostname: null, appName: '%ASA-6-302014' },
  },
  {
    name: 'Cisco ASA with timestamp and colon, no device-id',
    category: C,
    raw: '<163>Jan 15 2024 10:00:00: %ASA-3-710003: TCP access denied by ACL from 198.51.100.9/4444 to outside:203.0.113.1/22',
    expect: {
      valid: true,
      ...pri(163),
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: null,
      appName: '%ASA-3-710003',
    },
  },
  {
    name: 'Cisco ASA 4-106023 deny',
    category: C,
    raw: '<164>Jan 15 2024 10:00:01 fw-edge : %ASA-4-106023: Deny tcp src outside:198.51.100.20/3333 dst inside:10.1.1.1/445 by access-group "OUTSIDE_IN" [0x0, 0x0]',
    expect: { valid: true, hostname: 'fw-edge', appName: '%ASA-4-106023', severity: 4 },
  },
  {
    name: 'Cisco FTD with ISO timestamp',
    category: C,
    raw: '<166>2024-01-15T10:00:00Z ftd01 : %FTD-6-430003: Protocol: TCP, SrcIP: 10.0.0.2, DstIP: 10.0.0.3',
    expect: {
      valid: true,
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: 'ftd01',
      appName: '%FTD-6-430003',
    },
  },
  // Cisco IOS
  {
    name: 'Cisco IOS with sequence number, clock-not-set marker and UTC',
    category: C,
    raw: '<189>123: *Mar  1 00:00:12.345 UTC: %SYS-5-CONFIG_I: Configured from console by vty0 (10.0.0.9)',
    expect: {
      valid: true,
      ...pri(189),
      timestamp: ts('2024-03-01T00:00:12.345Z'),
      timestampText: 'Mar  1 00:00:12.345 UTC',
      hostname: null,
      appName: '%SYS-5-CONFIG_I',
      message: 'Configured from console by vty0 (10.0.0.9)',
    },
  },
  {
    name: 'Cisco IOS with hostname before the timestamp',
    category: C,
    raw: '<187>4521: core-sw1: Jan 15 10:00:00.123: %LINK-3-UPDOWN: Interface GigabitEthernet0/1, changed state to down',
    expect: {
      valid: true,
      hostname: 'core-sw1',
      timestamp: ts('2024-01-15T10:00:00.123Z'),
      appName: '%LINK-3-UPDOWN',
      message: 'Interface GigabitEthernet0/1, changed state to down',
    },
  },
  {
    name: 'Cisco IOS with not-synchronized marker',
    category: C,
    raw: '<189>77: .Jan 15 10:00:00.001: %LINEPROTO-5-UPDOWN: Line protocol on Interface Vlan1, changed state to up',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00.001Z'), appName: '%LINEPROTO-5-UPDOWN' },
  },
  {
    name: 'Cisco IOS with two sequence numbers',
    category: C,
    raw: '<189>12: 000045: Jan 15 10:00:00: %SEC-6-IPACCESSLOGP: list 101 denied tcp 198.51.100.1(1234) -> 10.0.0.1(23), 1 packet',
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00Z'), appName: '%SEC-6-IPACCESSLOGP' },
  },
  {
    name: 'Cisco IOS with year and zone',
    category: C,
    raw: "<190>88: Jan 15 2024 10:00:00.500 UTC: %SSH-5-SSH2_USERAUTH: User 'admin' authentication for SSH2 Session from 10.0.0.9 succeeded",
    expect: { valid: true, timestamp: ts('2024-01-15T10:00:00.500Z'), appName: '%SSH-5-SSH2_USERAUTH' },
  },
  {
    name: 'Cisco IOS relayed by a syslog server (header added)',
    category: C,
    raw: '<189>Jan 15 10:00:00 10.0.0.1 %OSPF-5-ADJCHG: Process 1, Nbr 10.0.0.2 on Gi0/0 from LOADING to FULL',
    expect: { valid: true, hostname: '10.0.0.1', appName: '%OSPF-5-ADJCHG' },
  },
  {
    name: 'Cisco NX-OS with year after month',
    category: C,
    raw: '<189>: 2024 Jan 15 10:00:00 UTC: %ETHPORT-5-IF_UP: Interface Ethernet1/1 is up',
    expect: { valid: true },
  },
  // Cisco VPN 3000 concentrator
  {
    name: 'Cisco VPN 3000 concentrator SEV=1 line',
    category: C,
    raw: '<185>4725 01/15/2024 10:00:00.150 SEV=1 AUTH/5 RPT=12 198.51.100.44 Authentication rejected: Reason = User was not found handle = 371, server = (none), user = guest, domain = <not specified>',
    expect: {
      valid: true,
      ...pri(185),
      timestamp: ts('2024-01-15T10:00:00.150Z'),
      timestampText: '01/15/2024 10:00:00.150',
      hostname: null,
      appName: null,
      message:
        'SEV=1 AUTH/5 RPT=12 198.51.100.44 Authentication rejected: Reason = User was not found handle = 371, server = (none), user = guest, domain = <not specified>',
    },
  },
  {
    name: 'Cisco VPN 3000 concentrator SEV=5 line',
    category: C,
    raw: '<189>4726 01/15/2024 10:00:05.010 SEV=5 IKE/172 RPT=3 198.51.100.44 Group [RemoteUsers] User [alice] connected',
    expect: {
      valid: true,
      timestamp: ts('2024-01-15T10:00:05.010Z'),
      message: 'SEV=5 IKE/172 RPT=3 198.51.100.44 Group [RemoteUsers] User [alice] connected',
    },
  },
  // Juniper
  {
    name: 'Juniper Junos structured-data RT_FLOW',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00.123+01:00 srx1 RT_FLOW - RT_FLOW_SESSION_CREATE [junos@2636.1.1.1.2.40 source-address="10.0.0.5" source-port="51234" destination-address="198.51.100.80" destination-port="443" service-name="junos-https" nat-source-address="203.0.113.5"] session created 10.0.0.5/51234->198.51.100.80/443',
    expect: {
      format: 'rfc5424',
      valid: true,
      timestamp: ts('2024-01-15T09:00:00.123Z'),
      hostname: 'srx1',
      appName: 'RT_FLOW',
      procId: null,
      msgId: 'RT_FLOW_SESSION_CREATE',
      structuredData: {
        'junos@2636.1.1.1.2.40': {
          'source-address': '10.0.0.5',
          'source-port': '51234',
          'destination-address': '198.51.100.80',
          'destination-port': '443',
          'service-name': 'junos-https',
          'nat-source-address': '203.0.113.5',
        },
      },
      message: 'session created 10.0.0.5/51234->198.51.100.80/443',
    },
  },
  {
    name: 'Juniper Junos BSD format',
    category: C,
    raw: '<28>Jan 15 10:00:00 mx960 mib2d[1717]: SNMP_TRAP_LINK_DOWN: ifIndex 545, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/0',
    expect: {
      valid: true,
      hostname: 'mx960',
      appName: 'mib2d',
      procId: '1717',
      message: 'SNMP_TRAP_LINK_DOWN: ifIndex 545, ifAdminStatus up(1), ifOperStatus down(2), ifName xe-0/0/0',
    },
  },
  {
    name: 'Juniper sshd login failure',
    category: C,
    raw: "<38>Jan 15 10:00:00 ex4300 sshd[4321]: SSHD_LOGIN_FAILED: Login failed for user 'root' from host '198.51.100.3'",
    expect: { valid: true, appName: 'sshd', procId: '4321' },
  },
  // FortiGate
  {
    name: 'FortiGate: no header at all',
    category: C,
    raw: '<189>date=2024-01-15 time=10:00:00 devname="FG100E" devid="FG100E0000000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.5 dstip=198.51.100.80 action="close"',
    expect: {
      valid: true,
      ...pri(189),
      timestamp: null,
      hostname: null,
      appName: null,
      message:
        'date=2024-01-15 time=10:00:00 devname="FG100E" devid="FG100E0000000000" logid="0000000013" type="traffic" subtype="forward" level="notice" vd="root" srcip=10.0.0.5 dstip=198.51.100.80 action="close"',
    },
  },
  {
    name: 'FortiGate event log with quoted msg',
    category: C,
    raw: '<185>date=2024-01-15 time=10:00:01 devname="FGT60F" logid="0100032002" type="event" subtype="system" level="alert" logdesc="Admin login failed" msg="Administrator admin login failed from ssh(198.51.100.3) because of invalid password"',
    expect: { valid: true, severity: 1, appName: null, hostname: null },
  },
  {
    name: 'FortiGate 7.x with eventtime first',
    category: C,
    raw: '<189>eventtime=1705312800123456789 tz="+0000" logid="0000000020" type="traffic" subtype="forward"',
    expect: {
      valid: true,
      appName: null,
      message: 'eventtime=1705312800123456789 tz="+0000" logid="0000000020" type="traffic" subtype="forward"',
    },
  },
  // Palo Alto
  {
    name: 'Palo Alto PAN-OS traffic log (BSD)',
    category: C,
    raw: '<14>Jan 15 10:00:00 PA-VM 1,2024/01/15 10:00:00,012345678901,TRAFFIC,end,2560,2024/01/15 10:00:00,10.0.0.5,198.51.100.80,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust',
    expect: {
      valid: true,
      hostname: 'PA-VM',
      appName: null,
      message:
        '1,2024/01/15 10:00:00,012345678901,TRAFFIC,end,2560,2024/01/15 10:00:00,10.0.0.5,198.51.100.80,0.0.0.0,0.0.0.0,allow-web,,,ssl,vsys1,trust,untrust',
    },
  },
  {
    name: 'Palo Alto PAN-OS IETF format',
    category: C,
    raw: '<14>1 2024-01-15T10:00:00+00:00 PA-3220 - - - - 1,2024/01/15 10:00:00,012345678901,THREAT,url,2560',
    expect: {
      format: 'rfc5424',
      valid: true,
      hostname: 'PA-3220',
      appName: null,
      message: '1,2024/01/15 10:00:00,012345678901,THREAT,url,2560',
    },
  },
  {
    name: 'Palo Alto system log',
    category: C,
    raw: '<12>Jan 15 10:00:00 PA-5220 1,2024/01/15 10:00:00,012345678901,SYSTEM,auth,0,2024/01/15 10:00:00,,auth-fail,,0,0,general,medium,"failed authentication for user \'admin\'. Reason: Invalid username/password. From: 198.51.100.3."',
    expect: { valid: true, hostname: 'PA-5220', severity: 4, appName: null },
  },
  // pfSense / OPNsense
  {
    name: 'pfSense filterlog (BSD, no hostname)',
    category: C,
    raw: '<134>Jan 15 10:00:00 filterlog[12345]: 5,,,1000000103,em0,match,block,in,4,0x0,,64,0,0,DF,6,tcp,60,198.51.100.9,10.0.0.1,55555,22,0,S,1234567890,,64240,,mss;sackOK;TS;nop;wscale',
    expect: { valid: true, hostname: null, appName: 'filterlog', procId: '12345', ...pri(134) },
  },
  {
    name: 'pfSense 2.6 RFC 5424 filterlog',
    category: C,
    raw: '<134>1 2024-01-15T10:00:00.123456+00:00 pfsense.home.arpa filterlog 12345 - - 5,,,1000000103,igb0,match,block,in,4,0x0,,64,0,0,DF,6,tcp',
    expect: {
      format: 'rfc5424',
      valid: true,
      hostname: 'pfsense.home.arpa',
      appName: 'filterlog',
      procId: '12345',
      timestamp: ts('2024-01-15T10:00:00.123Z', 0.456),
    },
  },
  {
    name: 'OPNsense filterlog with meta SD',
    category: C,
    raw: '<134>1 2024-01-15T11:00:00+01:00 OPNsense.localdomain filterlog 60914 - [meta sequenceId="1"] 87,,,02f4bab031b57d1e30553ce08e0ec131,vtnet0,match,block,in,4',
    expect: {
      valid: true,
      appName: 'filterlog',
      structuredData: { meta: { sequenceId: '1' } },
      timestamp: ts('2024-01-15T10:00:00Z'),
    },
  },
  {
    name: 'OPNsense configd',
    category: C,
    raw: '<13>1 2024-01-15T10:00:00+00:00 OPNsense.localdomain configd.py 312 - [meta sequenceId="2"] [] Reloading filter',
    expect: { valid: true, appName: 'configd.py', procId: '312', message: '[] Reloading filter' },
  },
  {
    name: 'pfSense sshguard',
    category: C,
    raw: '<38>Jan 15 10:00:00 pfSense sshguard[999]: Attack from "198.51.100.3" on service 100 with danger 10.',
    expect: { valid: true, hostname: 'pfSense', appName: 'sshguard', procId: '999' },
  },
  // OpenVPN
  {
    name: 'OpenVPN client connection',
    category: C,
    raw: '<29>Jan 15 10:00:00 vpn1 openvpn[2121]: client1/198.51.100.50:1194 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)',
    expect: {
      valid: true,
      hostname: 'vpn1',
      appName: 'openvpn',
      procId: '2121',
      message: 'client1/198.51.100.50:1194 MULTI_sva: pool returned IPv4=10.8.0.6, IPv6=(Not enabled)',
    },
  },
  {
    name: 'OpenVPN TLS error',
    category: C,
    raw: '<27>Jan 15 10:00:00 vpn1 openvpn[2121]: 198.51.100.51:50000 TLS Error: TLS handshake failed',
    expect: {
      valid: true,
      ...pri(27),
      appName: 'openvpn',
      message: '198.51.100.51:50000 TLS Error: TLS handshake failed',
    },
  },
  {
    name: 'OpenVPN auth failure via pam',
    category: C,
    raw: '<85>Jan 15 10:00:00 vpn1 openvpn[2121]: pam_unix(openvpn:auth): authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=  user=bob',
    expect: { valid: true, ...pri(85), appName: 'openvpn' },
  },
  // strongSwan
  {
    name: 'strongSwan charon IKE_SA established',
    category: C,
    raw: '<30>Jan 15 10:00:00 gw1 charon: 09[IKE] IKE_SA home[3] established between 203.0.113.1[gw1]...198.51.100.60[peer]',
    expect: {
      valid: true,
      hostname: 'gw1',
      appName: 'charon',
      procId: null,
      message: '09[IKE] IKE_SA home[3] established between 203.0.113.1[gw1]...198.51.100.60[peer]',
    },
  },
  {
    name: 'strongSwan charon with pid',
    category: C,
    raw: '<28>Jan 15 10:00:00 gw1 charon[1234]: 05[NET] received packet: from 198.51.100.60[500] to 203.0.113.1[500] (464 bytes)',
    expect: { valid: true, appName: 'charon', procId: '1234' },
  },
  {
    name: 'strongSwan charon-systemd',
    category: C,
    raw: "<29>Jan 15 10:00:00 gw2 charon-systemd[777]: 12[CFG] selected peer config 'roadwarrior'",
    expect: { valid: true, appName: 'charon-systemd', procId: '777' },
  },
  // MikroTik
  {
    name: 'MikroTik RouterOS without timestamp (topics, no tag)',
    category: C,
    raw: '<30>system,info,account user admin logged in from 198.51.100.3 via ssh',
    expect: {
      valid: true,
      hostname: null,
      appName: null,
      message: 'system,info,account user admin logged in from 198.51.100.3 via ssh',
    },
  },
  {
    name: 'MikroTik RouterOS with BSD header',
    category: C,
    raw: '<134>Jan 15 10:00:00 MikroTik firewall,info input: in:ether1 out:(unknown 0), src-mac 00:11:22:33:44:55, proto TCP (SYN), 198.51.100.3:51515->203.0.113.1:22, len 60',
    expect: {
      valid: true,
      hostname: 'MikroTik',
      appName: null,
      message:
        'firewall,info input: in:ether1 out:(unknown 0), src-mac 00:11:22:33:44:55, proto TCP (SYN), 198.51.100.3:51515->203.0.113.1:22, len 60',
    },
  },
  {
    name: 'MikroTik login failure',
    category: C,
    raw: '<28>Jan 15 10:00:00 rb4011 system,error,critical login failure for user admin from 198.51.100.3 via winbox',
    expect: { valid: true, hostname: 'rb4011', appName: null },
  },
  // SonicWall
  {
    name: 'SonicWall key=value with no header',
    category: C,
    raw: '<134>id=firewall sn=0017C5000000 time="2024-01-15 10:00:00 UTC" fw=203.0.113.1 pri=6 c=262144 m=98 msg="Connection Opened" app=49175 n=123 src=10.0.0.5:51515:X0 dst=198.51.100.80:443:X1 proto=tcp/https',
    expect: {
      valid: true,
      timestamp: null,
      hostname: null,
      appName: null,
      message:
        'id=firewall sn=0017C5000000 time="2024-01-15 10:00:00 UTC" fw=203.0.113.1 pri=6 c=262144 m=98 msg="Connection Opened" app=49175 n=123 src=10.0.0.5:51515:X0 dst=198.51.100.80:443:X1 proto=tcp/https',
    },
  },
  {
    name: 'SonicWall with BSD header',
    category: C,
    raw: '<129>Jan 15 10:00:00 sonicwall id=firewall sn=0017C5000000 time="2024-01-15 10:00:00" fw=203.0.113.1 pri=1 c=32 m=82 msg="Possible port scan detected"',
    expect: { valid: true, ...pri(129), hostname: 'sonicwall', appName: null },
  },
  // Check Point
  {
    name: 'Check Point Log Exporter (syslog format: SD that is not RFC 5424 SD)',
    category: C,
    raw: '<134>1 2024-01-15T10:00:00Z cp-gw CheckPoint 26170 - [action:"Accept"; flags:"411908"; ifdir:"outbound"; src:"10.0.0.5"; dst:"198.51.100.80"; proto:"6"]',
    expect: {
      format: 'rfc5424',
      valid: false,
      timestamp: ts('2024-01-15T10:00:00Z'),
      hostname: 'cp-gw',
      appName: 'CheckPoint',
      procId: '26170',
      msgId: null,
      structuredData: null,
      message:
        '[action:"Accept"; flags:"411908"; ifdir:"outbound"; src:"10.0.0.5"; dst:"198.51.100.80"; proto:"6"]',
    },
  },
  {
    name: 'Check Point CEF over BSD syslog',
    category: C,
    raw: '<134>Jan 15 10:00:00 cp-mgmt CEF:0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|act=Accept src=10.0.0.5 dst=198.51.100.80',
    expect: {
      valid: true,
      hostname: 'cp-mgmt',
      appName: 'CEF',
      message:
        '0|Check Point|VPN-1 & FireWall-1|Check Point|Log|https|Unknown|act=Accept src=10.0.0.5 dst=198.51.100.80',
    },
  },
  // Linux daemons
  {
    name: 'Linux sshd failed password',
    category: C,
    raw: '<38>Jan 15 10:00:00 bastion sshd[31337]: Failed password for invalid user admin from 198.51.100.3 port 40000 ssh2',
    expect: { valid: true, ...pri(38), hostname: 'bastion', appName: 'sshd', procId: '31337' },
  },
  {
    name: 'Linux CRON',
    category: C,
    raw: '<78>Jan 15 10:00:01 web01 CRON[2222]: (root) CMD (run-parts /etc/cron.hourly)',
    expect: {
      valid: true,
      appName: 'CRON',
      procId: '2222',
      message: '(root) CMD (run-parts /etc/cron.hourly)',
    },
  },
  {
    name: 'HP ProCurve / Aruba switch',
    category: C,
    raw: '<14>Jan 15 10:00:00 10.0.0.2 00076 ports: port 12 is now on-line',
    expect: {
      valid: true,
      hostname: '10.0.0.2',
      appName: null,
      message: '00076 ports: port 12 is now on-line',
    },
  },
  {
    name: 'Ubiquiti EdgeRouter kernel firewall',
    category: C,
    raw: '<4>Jan 15 10:00:00 ubnt kernel: [WAN_LOCAL-default-D]IN=eth0 OUT= MAC=00:11:22:33:44:55 SRC=198.51.100.3 DST=203.0.113.1 LEN=40 PROTO=TCP SPT=51515 DPT=23',
    expect: { valid: true, hostname: 'ubnt', appName: 'kernel', severity: 4 },
  },
];
