#!/usr/bin/env perl
# Drives FixMyStreet's own Open311 client (perllib/Open311.pm from a FixMyStreet checkout, used
# unmodified) against this project's GeoReport v2 back office, and prints one line per operation.
#
#   perl scripts/fms-open311-check.pl /path/to/fixmystreet [base-url] [api-key] [jurisdiction]
#
# Defaults: base-url http://127.0.0.1:4311/open311/v2, api-key from OPEN311_API_KEY, jurisdiction
# from OPEN311_JURISDICTION_ID or anytown.example. Start the server first with `npm run open311`.
# Needs the Debian packages libwww-perl libxml-simple-perl libxml-parser-perl libmoo-perl
# libmoox-types-mooselike-perl libdatetime-perl libdatetime-format-w3cdtf-perl libpath-tiny-perl
# libtry-tiny-perl (see docs/open311.md). Exits 0 when every operation worked, 1 otherwise.
#
# Open311.pm loads parts of FixMyStreet it does not use on these paths (its database, cobrands,
# photo handling). They are stood in for below by small packages of this script's own, so that
# the client's own code (requests, parameters, XML parsing) runs as FixMyStreet runs it.
use strict;
use warnings;
use utf8;
use DateTime;

my ($fms, $base, $key, $jurisdiction) = @ARGV;
die "usage: $0 /path/to/fixmystreet [base-url] [api-key] [jurisdiction]\n" unless $fms && -f "$fms/perllib/Open311.pm";
$base ||= 'http://127.0.0.1:4311/open311/v2';
$base =~ s{/*$}{/};
$key ||= $ENV{OPEN311_API_KEY} or die "give the api key as the third argument or in OPEN311_API_KEY\n";
$jurisdiction ||= $ENV{OPEN311_JURISDICTION_ID} || 'anytown.example';

# --- stand-ins for the FixMyStreet modules Open311.pm loads ---
BEGIN {
    for my $m (qw(FixMyStreet/Cobrand.pm FixMyStreet/DB.pm Utils.pm FixMyStreet/App/Model/PhotoSet.pm FixMyStreet/ImageMagick.pm)) {
        $INC{$m} = __FILE__;
    }
}
package FixMyStreet { sub config { return undef } sub test_mode { 1 } }
package Utils { sub truncate_coordinate { return sprintf('%.6f', $_[0]) + 0 } }
package FixMyStreet::DB::Result::Body { sub new { bless {}, shift } sub get_cobrand_handler { undef } }
package FixMyStreet::DB::Result::Problem {
    sub fixed_states { return { 'fixed' => 1, 'fixed - user' => 1, 'fixed - council' => 1 } }
    sub open_states { return { 'confirmed' => 1, 'investigating' => 1, 'in progress' => 1, 'action scheduled' => 1 } }
}
package Check::Cobrand { sub new { bless {}, shift } sub call_hook { return } sub base_url { 'https://fms.example.org' } }
package Check::Thing {
    # Any object: a hash whose keys answer as methods.
    our $AUTOLOAD;
    sub new { my ($class, %f) = @_; bless {%f}, $class }
    sub AUTOLOAD { my $self = shift; (my $n = $AUTOLOAD) =~ s/.*:://; return if $n eq 'DESTROY'; return $self->{$n} }
}

package main;
unshift @INC, "$fms/perllib";
require Open311;

binmode STDOUT, ':encoding(UTF-8)';
my $failed = 0;
# Call with a plain 1 or 0: a failed match in list context is an empty list and would shift the arguments.
sub report {
    my ($ok, $what, $detail) = @_;
    $failed++ unless $ok;
    printf "%-4s %s%s\n", ($ok ? 'ok' : 'FAIL'), $what, ($detail ? " ($detail)" : '');
}

my $body = FixMyStreet::DB::Result::Body->new;
my $o = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key, extended_statuses => 1, mark_reopen => 1, fixmystreet_body => $body);

# 1. services.xml
my $list = $o->get_service_list;
my @services = $list && ref $list->{service} eq 'ARRAY' ? @{ $list->{service} } : ();
report(scalar(@services) > 0, 'get_service_list (GET services.xml)', scalar(@services) . ' services' . ($o->error ? ': ' . $o->error : ''));

# 2. services/{code}.xml for every service
my %definition;
for my $s (@services) {
    my $code = $s->{service_code};
    my $meta = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key)->get_service_meta_info($code);
    my $ok = $meta && $meta->{service_code} && $meta->{service_code} eq $code && ref $meta->{attributes} eq 'ARRAY' && ($s->{metadata} // '') eq 'true';
    $definition{$code} = $meta if $ok;
    report($ok, "get_service_meta_info($code) (GET services/$code.xml)", $ok ? scalar(@{ $meta->{attributes} }) . ' attributes' : 'no definition');
}

# An unknown service: the error must come back in the XML error format Open311.pm reads.
my $bad = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key);
$bad->get_service_meta_info('no_such_service');
report(($bad->error =~ /404 Not Found/ && $bad->error =~ /404: service_code no_such_service was not found/) ? 1 : 0, 'unknown service answers 404 in <errors><error>', scalar(($bad->error =~ /error: ([^\n]*)/)[0] // ''));

# 3. POST requests.xml with attribute[uprn] and media_url
my $code = exists $definition{pothole} ? 'pothole' : (sort keys %definition)[0] // 'pothole';
my @fields;
for my $a (@{ $definition{$code}{attributes} || [] }) {
    next unless ($a->{required} // '') eq 'true' && ($a->{variable} // '') eq 'true';
    my $value = $a->{values} ? $a->{values}[0]{key}
      : $a->{datatype} eq 'number' ? '30'
      : $a->{datatype} eq 'datetime' ? DateTime->now->subtract(days => 1)->ymd
      : 'checked by fms-open311-check';
    push @fields, { name => $a->{code}, value => $value };
}
my $photo = 'https://fms.example.org/photo/1234.0.full.jpeg';
my $user = Check::Thing->new(email => 'fms.check@example.org', name => 'Fixmy Streetcheck', phone => undef);
my $problem = Check::Thing->new(
    id => 1234, title => 'Pothole outside the library', detail => 'Deep and getting worse', name => 'Fixmy Streetcheck',
    user => $user, phone_waste => undef, used_map => 1, latitude => 51.501, longitude => -0.141, postcode => '',
    uprn => '100000000777', cobrand => 'fixmystreet', bodies => {}, send_fail_count => 0, non_public => 0,
    get_extra_fields => \@fields, state => 'confirmed',
);
my $sender = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key, extended_statuses => 1, fixmystreet_body => $body);
my $id = $sender->send_service_request($problem, { image_url => $photo, url => 'https://fms.example.org/report/1234', easting => 529000, northing => 179000 }, $code);
report(($id && !ref $id) ? 1 : 0, "send_service_request (POST requests.xml, $code, attribute[uprn], media_url)", $id || $sender->error);

# 4. GET requests.xml?service_request_id=… : read it back
if ($id) {
    my $reader = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key);
    my $requests = $reader->get_service_requests({ report_ids => [$id] });
    my $r = $requests && $requests->[0];
    my $ok = $r && $r->{service_request_id} eq $id && $r->{status} eq 'open' && ($r->{media_url} // '') eq $photo && ($r->{description} // '') =~ /Deep and getting worse/;
    report($ok, 'get_service_requests (GET requests.xml?service_request_id=…)', $r ? "status $r->{status}, media_url " . ($r->{media_url} // '') : $reader->error);
    # With the api_key (get_service_requests passes extra arguments on as query parameters) the attributes come back too.
    my $keyed = $reader->get_service_requests({ report_ids => [$id], api_key => $key });
    my %attr = map { $_->{code} => (ref $_->{value} eq 'ARRAY' ? $_->{value}[0] : $_->{value}) } @{ $keyed && ref $keyed->[0]{attributes} eq 'ARRAY' ? $keyed->[0]{attributes} : [] };
    report(($attr{uprn} // '') eq '100000000777', 'attribute[uprn] kept (GET requests.xml with api_key)', 'uprn ' . ($attr{uprn} // 'missing'));
}

# 5. POST servicerequestupdates.xml: residents' comments with the extended statuses
my @posted;
if ($id) {
    my $n = 0;
    for my $case (['confirmed', 1, 'REOPEN'], ['for triage', 0, 'FOR_TRIAGE'], ['cancelled', 0, 'CANCELLED'], ['fixed - user', 0, 'FIXED']) {
        my ($state, $mark_open, $expect) = @$case;
        $n++;
        my $comment = Check::Thing->new(
            id => 9000 + $n, name => 'Fixmy Streetcheck', user => $user, problem_state => $state, mark_open => $mark_open,
            problem => Check::Thing->new(state => 'confirmed', external_id => $id, non_public => 0),
            text => "Comment $n from fms-open311-check", confirmed => DateTime->now(time_zone => 'UTC'),
            photo => ($n == 1 ? 1 : undef), photos => [{ url_full => "/photo/c/900$n.0.full.jpeg" }],
            extra => undef, get_extra_metadata => {}, cobrand_data => '', get_cobrand_logged => Check::Cobrand->new,
        );
        my $poster = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key, extended_statuses => 1, mark_reopen => 1, fixmystreet_body => $body);
        my $update_id = $poster->post_service_request_update($comment);
        push @posted, [$update_id, $expect] if $update_id;
        report(($update_id && !ref $update_id) ? 1 : 0, "post_service_request_update (POST servicerequestupdates.xml, status $expect)", $update_id || $poster->error);
    }
    # The comments did not change the council's status.
    my $after = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key)->get_service_requests({ report_ids => [$id] });
    report(($after && $after->[0]{status} eq 'open') ? 1 : 0, "residents' comments leave the request open (CANCELLED/FIXED comments are not council updates)", $after ? "status $after->[0]{status}" : 'not read');
}

# 6. GET servicerequestupdates.xml with api_key and a date range: read the comments back
{
    my $reader = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => $key);
    my $fmt = DateTime::Format::W3CDTF->new;
    my $updates = $reader->get_service_request_updates($fmt->format_datetime(DateTime->now->subtract(hours => 1)), $fmt->format_datetime(DateTime->now->add(minutes => 5)));
    my %by_id = map { $_->{update_id} => $_ } @{ ref $updates eq 'ARRAY' ? $updates : [] };
    my @found = grep { $by_id{ $_->[0] } && $by_id{ $_->[0] }{status} eq $_->[1] && $by_id{ $_->[0] }{service_request_id} eq $id } @posted;
    my $photo_back = @posted && $by_id{ $posted[0][0] } ? ($by_id{ $posted[0][0] }{media_url} // '') : '';
    report((@posted && @found == @posted && $photo_back eq 'https://fms.example.org/photo/c/9001.0.full.jpeg') ? 1 : 0,
        'get_service_request_updates (GET servicerequestupdates.xml with api_key, start_date, end_date)', scalar(@found) . ' of ' . scalar(@posted) . " comments read back, first photo $photo_back");

    my $nokey = Open311->new(endpoint => $base, jurisdiction => $jurisdiction, api_key => 'not-the-key');
    my $none = $nokey->get_service_request_updates($fmt->format_datetime(DateTime->now->subtract(hours => 1)), $fmt->format_datetime(DateTime->now));
    report((!$none && $nokey->error =~ /403 Forbidden/) ? 1 : 0, 'get_service_request_updates with a wrong api_key is refused (403)', scalar(($nokey->error =~ /error: ([^\n]*)/)[0] // ''));
}

print $failed ? "$failed operation(s) failed\n" : "every operation worked\n";
exit($failed ? 1 : 0);
