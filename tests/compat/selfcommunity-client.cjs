// Compatibility check: the official SelfCommunity client, through its own methods, against
// this service. Its ESM build does not load in Node; the CommonJS build does (and needs tslib).
//   node selfcommunity-client.cjs BASE_URL TOKEN_A USER_A TOKEN_B USER_B
'use strict';
const assert = require('node:assert/strict');
const { http, UserService } = require('@selfcommunity/api-services');

const [baseUrl, tokenA, userA, tokenB, userB] = process.argv.slice(2);
const a = Number(userA);
const b = Number(userB);

function as(token) {
  http.setBasePortal(baseUrl);
  http.setAuthorizeToken(token);
}

async function eventually(check, what) {
  const deadline = Date.now() + 15000;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`not converged: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function main() {
  as(tokenA);
  await UserService.followUser(b);
  const statuses = await UserService.getUserConnectionStatuses([b, a, 424242]);
  assert.deepEqual(statuses, { connection_statuses: { [b]: 'followed', [a]: null, 424242: null } });
  assert.deepEqual(await UserService.checkUserFollowed(b), { is_followed: true });
  console.log('ok follow + statuses + is_followed');

  as(tokenB);
  await eventually(async () => (await UserService.checkUserFollower(a)).is_follower === true, 'is_follower');
  const followers = await UserService.getUserFollowers(b, { limit: 10, offset: 0 });
  assert.equal(followers.count, 1);
  assert.equal(followers.next, null);
  assert.equal(followers.previous, null);
  assert.equal(followers.results[0].id, a);
  assert.equal(followers.results[0].followings_counter, 1);
  console.log('ok is_follower + followers');

  as(tokenA);
  const followings = await UserService.getUserFollowings(a, { limit: 10 });
  assert.deepEqual(followings.results.map((u) => [u.id, u.connection_status]), [[b, 'followed']]);
  assert.deepEqual(await UserService.getUserCounters(b), { followers: 1, followings: 0 });
  console.log('ok followings + counters');

  await UserService.followUser(b);
  assert.deepEqual(await UserService.getUserConnectionStatuses([b]), { connection_statuses: { [b]: null } });
  console.log('ok unfollow by toggle');
}

main().then(
  () => console.log('compatible'),
  (error) => {
    console.error(error && error.response ? `${error.response.status} ${JSON.stringify(error.response.data)}` : error);
    process.exit(1);
  });
