import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeTemplate, type TemplateOptions } from './go-template';
import { goMap, goStruct } from './go-template-value';

// Shapes follow `docker inspect` / `docker network inspect` JSON (moby api/types).
const container = {
  Id: '3f2a9c1d0b7e',
  Name: '/web',
  State: { Status: 'running', Running: true, Pid: 12345, ExitCode: 0 },
  HostConfig: { NetworkMode: 'bridge', Links: ['/tomcat02:/tomcat03/tomcat02'] },
  Config: { Env: ['PATH=/usr/bin', 'A=1'], Labels: {} },
  NetworkSettings: {
    Networks: {
      mynet: { IPAddress: '172.18.0.2', Gateway: '172.18.0.1', MacAddress: '02:42:ac:12:00:02' },
      bridge: { IPAddress: '172.17.0.2', Gateway: '172.17.0.1', MacAddress: '02:42:ac:11:00:02' },
    },
  },
};

const network = {
  Name: 'mynet',
  Driver: 'bridge',
  IPAM: {
    Driver: 'default',
    Options: {},
    Config: [
      goStruct(
        { Subnet: '172.18.0.0/16', IPRange: '', Gateway: '172.18.0.1', AuxiliaryAddresses: {} },
        { typeName: 'network.IPAMConfig', omitEmpty: ['IPRange', 'Gateway', 'AuxiliaryAddresses'] },
      ),
    ],
  },
  Options: { 'com.docker.network.bridge.name': 'br-5e6f7a8b9c0d' },
};

function run(source: string, data: unknown = container, options?: TemplateOptions): string {
  const result = executeTemplate(source, data, options);
  if (!result.ok) throw new Error(`unexpected error: ${result.error}`);
  return result.value;
}

function fail(source: string, data: unknown = container, options?: TemplateOptions): string {
  const result = executeTemplate(source, data, options);
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('docker inspect -f usages', () => {
  it('reads field chains', () => {
    expect(run('{{.State.Pid}}')).toBe('12345');
    expect(run('{{.HostConfig.NetworkMode}}')).toBe('bridge');
    expect(run('{{.State.Running}} {{.State.ExitCode}}')).toBe('true 0');
  });

  it('ranges over a map in sorted key order', () => {
    expect(run('{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}')).toBe(
      '172.17.0.2172.18.0.2',
    );
    expect(
      run('{{range $k, $v := .NetworkSettings.Networks}}{{$k}}={{$v.IPAddress}} {{end}}'),
    ).toBe('bridge=172.17.0.2 mynet=172.18.0.2 ');
  });

  it('prints slices and maps like Go', () => {
    expect(run('{{.HostConfig.Links}}')).toBe('[/tomcat02:/tomcat03/tomcat02]');
    expect(run('{{.Config.Env}}')).toBe('[PATH=/usr/bin A=1]');
    expect(run('{{.Config.Labels}}')).toBe('map[]');
    expect(run('{{.NetworkSettings.Networks.bridge}}')).toBe(
      'map[Gateway:172.17.0.1 IPAddress:172.17.0.2 MacAddress:02:42:ac:11:00:02]',
    );
  });

  it('encodes json compactly, keys in the given order, without HTML escaping', () => {
    expect(run('{{json .NetworkSettings.Networks.mynet}}')).toBe(
      '{"IPAddress":"172.18.0.2","Gateway":"172.18.0.1","MacAddress":"02:42:ac:12:00:02"}',
    );
    expect(run('{{json .}}', { a: '<&>', b: [1, 2.5, null, true], c: 'x\u2028' })).toBe(
      '{"a":"<&>","b":[1,2.5,null,true],"c":"x\\u2028"}',
    );
    expect(run('{{json .Missing}}')).toBe('null');
  });

  it('uses index for keys that are not identifiers', () => {
    expect(run('{{index .Options "com.docker.network.bridge.name"}}', network)).toBe(
      'br-5e6f7a8b9c0d',
    );
    expect(run('{{index .NetworkSettings.Networks "mynet"}}')).toContain('IPAddress:172.18.0.2');
    expect(run('{{(index .NetworkSettings.Networks "mynet").IPAddress}}')).toBe('172.18.0.2');
    expect(run('{{index .NetworkSettings.Networks "mynet" "Gateway"}}')).toBe('172.18.0.1');
    expect(run('{{index .HostConfig.Links 0}}')).toBe('/tomcat02:/tomcat03/tomcat02');
    expect(run('{{index .Options "nope"}}', network)).toBe('<no value>');
  });

  it('gives typed maps (goMap) their element zero value for missing keys', () => {
    const typed = {
      Options: goMap(
        { 'com.docker.network.bridge.name': 'br0' },
        { typeName: 'map[string]string', zero: '' },
      ),
    };
    expect(run('[{{index .Options "com.docker.network.bridge.enable_icc"}}]', typed)).toBe('[]');
    expect(run('{{.Options}} {{printf "%T" .Options}}', typed)).toBe(
      'map[com.docker.network.bridge.name:br0] map[string]string',
    );
    expect(run('{{.Options.nope}}', typed)).toBe('<no value>');
  });

  it('handles network inspect IPAM config, struct-like entries included', () => {
    expect(run('{{range .IPAM.Config}}{{.Subnet}}{{end}}', network)).toBe('172.18.0.0/16');
    expect(run('{{.IPAM.Config}}', network)).toBe('[{172.18.0.0/16  172.18.0.1 map[]}]');
    expect(run('{{json .IPAM.Config}}', network)).toBe(
      '[{"Subnet":"172.18.0.0/16","Gateway":"172.18.0.1"}]',
    );
    expect(run('{{printf "%+v" (index .IPAM.Config 0)}}', network)).toBe(
      '{Subnet:172.18.0.0/16 IPRange: Gateway:172.18.0.1 AuxiliaryAddresses:map[]}',
    );
  });

  it('supports conditionals on state', () => {
    expect(run('{{if eq .State.Status "running"}}up{{else}}down{{end}}')).toBe('up');
    expect(run('{{if ne .State.Status "running"}}down{{else if .State.Running}}up{{end}}')).toBe(
      'up',
    );
    expect(run('{{with .NetworkSettings.Networks.mynet}}{{.IPAddress}}{{else}}none{{end}}')).toBe(
      '172.18.0.2',
    );
    expect(run('{{with .NetworkSettings.Networks.none}}{{.IPAddress}}{{else}}none{{end}}')).toBe(
      'none',
    );
  });

  it('formats with printf', () => {
    expect(run('{{printf "%s:%d" .Name 3}}')).toBe('/web:3');
    expect(
      run('{{printf "%q %v %t %5.2f|%-4d|%x|%05d %%" "a\\"b" .State.Pid true 3.14159 7 255 -42}}'),
    ).toBe('"a\\"b" 12345 true  3.14|7   |ff|-0042 %');
    expect(run('{{printf "%d" "x"}} {{printf "%s"}} {{printf "x" 1}}')).toBe(
      '%!d(string=x) %!s(MISSING) x%!(EXTRA int=1)',
    );
    expect(
      run('{{printf "%s" .HostConfig.Links}} {{printf "%v" .Missing}} {{printf "%T" .Config.Env}}'),
    ).toBe('[/tomcat02:/tomcat03/tomcat02] <nil> []string');
  });

  it('formats struct fields with %+v and signs only with %+d', () => {
    expect(run('{{printf "%+v|%+d|%v" .s 5 .s}}', { s: goStruct({ A: 1, B: 'x' }) })).toBe(
      '{A:1 B:x}|+5|{1 x}',
    );
  });

  it('prints missing map entries as <no value>', () => {
    expect(run('{{.Missing}}')).toBe('<no value>');
    expect(run('{{.Missing.Deeper}}')).toBe('<no value>');
    expect(run('{{.State.Nope}}')).toBe('<no value>');
  });

  it('fails like docker-cli’s raw fallback with missingkey=error', () => {
    expect(fail('{{.Foo}}', container, { missingKey: 'error' })).toBe(
      'template: :1:2: executing "" at <.Foo>: map has no entry for key "Foo"',
    );
    expect(fail('{{.State.Foo}}', container, { missingKey: 'error' })).toBe(
      'template: :1:8: executing "" at <.State.Foo>: map has no entry for key "Foo"',
    );
  });
});

describe('Go value printing', () => {
  it('prints numbers, booleans and nil the Go way', () => {
    expect(
      run('{{.a}} {{.b}} {{.c}} {{.d}} {{.e}}', { a: 3, b: 2.5, c: 1234567.5, d: false, e: null }),
    ).toBe('3 2.5 1.2345675e+06 false <no value>');
    expect(run('{{.}}', { z: [1, null, 'x'], a: { k: true } })).toBe(
      'map[a:map[k:true] z:[1 <nil> x]]',
    );
  });

  it('prints struct-like objects as {…}, nil pointers as <nil>', () => {
    const ep = goStruct(
      { IPAddress: '10.0.0.2', IPAMConfig: null, Aliases: [] },
      { pointer: true },
    );
    const data = { Networks: { app: ep } };
    expect(run('{{.Networks.app}}', data)).toBe('{10.0.0.2 <nil> []}');
    expect(run('{{print .Networks.app}}', data)).toBe('&{10.0.0.2 <nil> []}');
    expect(run('{{.Networks.app.IPAMConfig}}', data)).toBe('<nil>');
    // Nested pointers print as an address; ours is a stable stand-in.
    expect(run('{{.Networks}}', data)).toMatch(/^map\[app:0xc000[0-9a-f]{6}\]$/);
    expect(run('{{.Networks}}', data)).toBe(run('{{.Networks}}', data));
  });

  it('reports a missing struct field like Go', () => {
    expect(fail('{{range .IPAM.Config}}{{.Foo}}{{end}}', network)).toBe(
      'template: :1:24: executing "" at <.Foo>: can\'t evaluate field Foo in type network.IPAMConfig',
    );
  });
});

describe('actions and control flow', () => {
  it('trims spaces around trim markers and drops comments', () => {
    expect(run('a  {{- "b" -}}  c')).toBe('abc');
    expect(run('{{/* note */}}x{{- /* trimmed */ -}}  y')).toBe('xy');
    expect(run('{{-3}}')).toBe('-3');
  });

  it('declares and assigns variables with block scope', () => {
    expect(run('{{$x := 1}}{{$x = 2}}{{$x}}')).toBe('2');
    expect(run('{{$n := .Name}}{{range .HostConfig.Links}}{{$n}}{{end}}')).toBe('/web');
    expect(run('{{with $x := .State}}{{$x.Pid}}{{end}}')).toBe('12345');
    expect(fail('{{if true}}{{$x := 1}}{{end}}{{$x}}')).toBe(
      'template: :1: undefined variable "$x"',
    );
  });

  it('ranges with index, else, break and continue', () => {
    expect(run('{{range $i, $e := .}}{{$i}}:{{$e}} {{end}}', ['a', 'b'])).toBe('0:a 1:b ');
    expect(run('{{range .Nope}}x{{else}}empty{{end}}')).toBe('empty');
    expect(
      run(
        '{{range .}}{{if eq . 2}}{{continue}}{{end}}{{if eq . 4}}{{break}}{{end}}{{.}}{{end}}',
        [1, 2, 3, 4, 5],
      ),
    ).toBe('13');
    expect(fail('{{range .State.Pid}}{{end}}')).toBe(
      'template: :1:14: executing "" at <.State.Pid>: range can\'t iterate over 12345',
    );
  });

  it('evaluates pipelines, parentheses and literals', () => {
    expect(run('{{.Name | printf "%s!" | upper}}')).toBe('/WEB!');
    expect(run('{{len (index .NetworkSettings.Networks "bridge").IPAddress}}')).toBe('10');
    expect(run('{{`raw\\n` | print}} {{"tab\\tx"}} {{0x1F}} {{\'a\'}} {{1.5}} {{print nil}}')).toBe(
      'raw\\n tab\tx 31 97 1.5 <nil>',
    );
  });
});

describe('functions', () => {
  it('implements the logic and comparison builtins', () => {
    expect(run('{{and 1 0 .Missing}}|{{or .Missing "" "dflt"}}|{{not .State.Running}}')).toBe(
      '0|dflt|false',
    );
    expect(
      run('{{lt 1 2}} {{le 2 2}} {{gt "b" "a"}} {{ge 1 2}} {{eq 1 2 3 1}} {{ne .Name "x"}}'),
    ).toBe('true true true false true true');
    expect(run('{{eq .Missing "x"}} {{eq .Missing nil}}')).toBe('false true');
    expect(fail('{{eq .Name 1}}')).toBe(
      'template: :1:2: executing "" at <eq .Name 1>: error calling eq: incompatible types for comparison: string and int',
    );
    expect(fail('{{lt true false}}')).toContain('error calling lt: invalid type for comparison');
  });

  it('implements len, index, slice, print and println', () => {
    expect(run('{{len .NetworkSettings.Networks}} {{len .HostConfig.Links}} {{len "héllo"}}')).toBe(
      '2 1 6',
    );
    expect(run('{{slice "abcdef" 1 3}} {{slice .Config.Env 1}}')).toBe('bc [A=1]');
    expect(run('{{print 1 2 "a" 3}}|{{println "x" 1}}')).toBe('1 2a3|x 1\n');
    expect(fail('{{index .HostConfig.Links 5}}')).toContain(
      'error calling index: index out of range: 5',
    );
    expect(fail('{{index .Options 1}}', network)).toContain(
      'error calling index: value has type int; should be string',
    );
    expect(fail('{{len .State.Pid}}')).toContain('error calling len: len of type int');
  });

  it('implements the docker-cli string helpers', () => {
    expect(run('{{join .Config.Env ","}} {{split .Name "/"}} {{join (split "a:b" ":") "-"}}')).toBe(
      'PATH=/usr/bin,A=1 [ web] a-b',
    );
    expect(run('{{title "hello world-x"}} {{lower "ABC"}} {{upper "abc"}}')).toBe(
      'Hello World-X abc ABC',
    );
    expect(run('[{{pad "x" 2 1}}][{{pad "" 2 1}}] {{truncate .Id 4}} {{truncate "ab" 5}}')).toBe(
      '[  x ][] 3f2a ab',
    );
    expect(run('{{html "<a&b>"}} {{js "it\'s"}} {{urlquery "a b&c"}}')).toBe(
      "&lt;a&amp;b&gt; it\\'s a+b%26c",
    );
  });

  it('checks argument counts and types like Go', () => {
    expect(fail('{{join "a"}}')).toBe(
      'template: :1:2: executing "" at <join>: wrong number of args for join: want 2 got 1',
    );
    expect(fail('{{upper .State.Pid}}')).toBe(
      'template: :1:14: executing "" at <.State.Pid>: wrong type for value; expected string; got int',
    );
    expect(fail('{{upper 1}}')).toBe(
      'template: :1:8: executing "" at <1>: expected string; found 1',
    );
    expect(fail('{{join .State ","}}')).toContain(
      'wrong type for value; expected []string; got map[string]interface {}',
    );
  });
});

describe('errors', () => {
  it('reports parse errors with Go’s wording', () => {
    expect(fail('{{.Foo }')).toBe('template: :1: unexpected "}" in operand');
    expect(fail('{{.Foo}')).toBe("template: :1: bad character U+007D '}'");
    expect(fail('{{.Foo')).toBe('template: :1: unclosed action');
    expect(fail('a\n{{.Foo\n')).toBe('template: :3: unclosed action started at :2');
    expect(fail('{{foo .}}')).toBe('template: :1: function "foo" not defined');
    expect(fail('{{if .}}\nno end')).toBe('template: :2: unexpected EOF');
    expect(fail('{{end}}')).toBe('template: :1: unexpected {{end}}');
    expect(fail('{{}}')).toBe('template: :1: missing value for command');
    expect(fail('{{(1}}')).toBe('template: :1: unclosed left paren');
    expect(fail('{{3x}}')).toBe('template: :1: bad number syntax: "3x"');
    expect(fail('{{"abc}}')).toBe('template: :1: unterminated quoted string');
    expect(fail('{{/* x')).toBe('template: :1: unclosed comment');
    expect(fail('{{. | "x"}}')).toBe('template: :1: non executable command in pipeline stage 2');
    expect(fail('x{{break}}')).toBe('template: :1: {{break}} outside {{range}}');
    expect(fail('{{template "x"}}')).toBe('template: :1: unexpected <template> in command');
  });

  it('reports execution errors with position and context', () => {
    expect(fail('{{.State.Pid.Foo}}')).toBe(
      'template: :1:8: executing "" at <.State.Pid.Foo>: can\'t evaluate field Foo in type interface {}',
    );
    expect(fail('{{.a.b.c}}', { a: { b: null } })).toBe(
      'template: :1:4: executing "" at <.a.b.c>: nil pointer evaluating interface {}.c',
    );
    expect(fail('line1\n  {{nil}}')).toBe(
      'template: :2:4: executing "" at <nil>: nil is not a command',
    );
    // Columns count UTF-8 bytes, as Go does.
    expect(fail('é {{nil}}')).toBe('template: :1:5: executing "" at <nil>: nil is not a command');
    expect(fail('{{.Name 1}}')).toBe(
      'template: :1:2: executing "" at <.Name>: Name is not a method but has arguments',
    );
  });

  it('never throws, even on random or hostile input', () => {
    const piece = fc.constantFrom(
      '{{',
      '}}',
      '{{-',
      '-}}',
      ' ',
      '.',
      '.A',
      '$',
      '$x',
      ':=',
      '=',
      '|',
      '(',
      ')',
      '"s"',
      '`r`',
      "'c'",
      '1',
      '-2.5',
      'range',
      'if',
      'else',
      'end',
      'with',
      'break',
      'index',
      'len',
      'printf',
      'json',
      'nil',
      'true',
      '/*',
      '*/',
      ',',
      '\n',
      '}',
      'x',
    );
    const data = { A: [1, 'a', { B: null }], B: goStruct({ C: 1 }) };
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }),
        fc.string({ maxLength: 30 }),
        (parts, noise) => {
          for (const source of [parts.join(''), noise]) {
            const result = executeTemplate(source, data);
            expect(typeof result.ok).toBe('boolean');
          }
        },
      ),
      { seed: 20240611, numRuns: 400 },
    );
  });

  it('bounds nesting, work, output and string size', () => {
    expect(fail('{{' + '('.repeat(5000) + '1' + ')'.repeat(5000) + '}}')).toBe(
      'template: :1: max expression depth exceeded',
    );
    expect(fail('{{if 1}}'.repeat(5000) + '{{end}}'.repeat(5000))).toBe(
      'template: :1: max nesting depth exceeded',
    );
    const many = Array.from({ length: 1000 }, (_, i) => i);
    expect(fail('{{range .}}{{range $}}{{end}}{{end}}', many)).toContain('execution exceeds');
    expect(fail('{{range .}}{{printf "%1000000d" 1}}{{end}}', many)).toContain('output exceeds');
    expect(fail('{{$x := "ab"}}{{range .}}{{$x = printf "%s%s" $x $x}}{{end}}', many)).toContain(
      'error calling printf: result exceeds',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(fail('{{json .}}', cyclic)).toContain('value nested too deeply');
  });

  it('is deterministic', () => {
    const source = '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{json $v}}\n{{end}}{{.}}';
    expect(run(source)).toBe(run(source));
  });
});
