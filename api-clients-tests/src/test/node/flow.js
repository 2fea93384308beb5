'use strict';
// One customer's way through the billing host, driven by a third-party WHMCS client from npm:
//   node flow.js <whmcs|whmcs-js> <api url> <identifier> <secret> <product group id> [access key]
// Each step compares the answer with the values the steps before it determine; the first difference ends the run
// with exit code 1 and a line naming the step, the field, the expected and the actual value.
const assert = require('node:assert/strict');

const [clientName, url, identifier, secret, gid, accesskey] = process.argv.slice(2);
if (!gid) {
  console.error('usage: node flow.js <whmcs|whmcs-js> <api url> <identifier> <secret> <product group id>');
  process.exit(2);
}

/** The old callback client (node-whmcs): username/password, its own methods where it has one. */
function whmcsAdapter() {
  const WHMCS = require('whmcs');
  // apiKey is the client's name for WHMCS's accesskey
  const whmcs = new WHMCS({ serverUrl: url, username: identifier, password: secret, apiKey: accesskey });
  // its modem answers an error for any result but success, with the host's message
  const call = (fn) => new Promise((resolve, reject) => fn((err, data) => (err ? reject(err) : resolve(data))));
  // what the client has no method for goes through its own transport
  const raw = (action, params) => call((cb) => whmcs.utils.modem({ client: whmcs.billing, body: { action, ...params } }, cb));
  return {
    addProduct: (p) => raw('addproduct', p),
    addClient: (c) => call((cb) => whmcs.customers.createCustomer(c, cb)),
    addOrder: (clientid, o) => call((cb) => whmcs.billing.addOrder(clientid, o, cb)),
    acceptOrder: (orderid) => call((cb) => whmcs.billing.acceptOrder(orderid, cb)),
    pay: (p) => raw('addinvoicepayment', p),
    // getCustomer asks for stats=true, which this host does not answer: the flow turns it off
    clientDetails: (clientid) => call((cb) => whmcs.customers.getCustomer(clientid, { stats: false }, cb)),
    order: (orderid) => call((cb) => whmcs.products.getOrders('id', orderid, cb)),
    invoice: (invoiceid) => call((cb) => whmcs.billing.getInvoice(invoiceid, cb)),
    clientProducts: (clientid, limitstart, limitnum) =>
      call((cb) => whmcs.customers.getCustomerProducts(clientid, { limitstart, limitnum }, cb)),
  };
}

/** The promise client (whmcs-js): identifier/secret; it hands back the JSON whatever its result. */
function whmcsJsAdapter() {
  const { Billing, Clients, Orders, Products } = require('whmcs-js');
  // every credential given is sent with each call
  const config = accesskey ? { serverUrl: url, identifier, secret, accesskey } : { serverUrl: url, identifier, secret };
  const billing = new Billing(config);
  const clients = new Clients(config);
  const orders = new Orders(config);
  const products = new Products(config);
  const checked = async (promise) => {
    const data = await promise;
    if (data.result !== 'success') {
      throw new Error('WHMCS error: ' + data.message);
    }
    return data;
  };
  return {
    addProduct: (p) => checked(products.addProduct(p)),
    addClient: (c) => checked(clients.addClient(c)),
    addOrder: (clientid, o) => checked(orders.addOrder({ clientid, ...o })),
    acceptOrder: (orderid) => checked(orders.acceptOrder({ orderid })),
    pay: (p) => checked(billing.addInvoicePayment(p)),
    clientDetails: (clientid) => checked(clients.getClientsDetails({ clientid })),
    order: (orderid) => checked(orders.getOrders({ id: orderid })),
    invoice: (invoiceid) => checked(billing.getInvoice({ invoiceid })),
    clientProducts: (clientid, limitstart, limitnum) =>
      checked(clients.getClientsProducts({ clientid, limitstart, limitnum })),
  };
}

const adapters = { whmcs: whmcsAdapter, 'whmcs-js': whmcsJsAdapter };

async function step(name, run) {
  try {
    const value = await run();
    console.log('ok   ' + name);
    return value;
  } catch (e) {
    console.error('FAIL ' + name + ': ' + e.message);
    process.exit(1);
  }
}

function positiveId(value, field) {
  assert.match(String(value), /^[1-9][0-9]*$/, field + ' is not a positive id: ' + value);
  return Number(value);
}

async function main() {
  if (!adapters[clientName]) {
    console.error('unknown client ' + clientName + '; known: ' + Object.keys(adapters).join(', '));
    process.exit(2);
  }
  const api = adapters[clientName]();
  const tag = clientName + '-' + process.pid;
  const email = tag + '@example.com';

  const pid = await step('AddProduct', async () => {
    const r = await api.addProduct({ name: 'Plan ' + tag, gid, type: 'other', paytype: 'recurring',
      'pricing[1][monthly]': '10.00', 'pricing[1][msetupfee]': '5.00' });
    return positiveId(r.pid, 'pid');
  });

  const clientid = await step('AddClient', async () => {
    const r = await api.addClient({ firstname: 'Ada', lastname: 'Lovelace', email, companyname: 'Engines Ltd',
      country: 'GB', password2: 'a long passphrase 42' });
    return positiveId(r.clientid, 'clientid');
  });

  const placed = await step('AddOrder', async () => {
    const r = await api.addOrder(clientid, { pid, billingcycle: 'monthly', qty: 2, paymentmethod: 'banktransfer' });
    const serviceids = String(r.serviceids).split(',').map((id) => positiveId(id, 'serviceids'));
    assert.equal(serviceids.length, 2, 'serviceids of a qty=2 line');
    assert.equal(String(r.productids), String(pid), 'productids');
    return { orderid: positiveId(r.orderid, 'orderid'), invoiceid: positiveId(r.invoiceid, 'invoiceid'), serviceids };
  });

  await step('GetInvoice (unpaid)', async () => {
    const r = await api.invoice(placed.invoiceid);
    assert.equal(r.status, 'Unpaid', 'status');
    assert.equal(r.total, '30.00', 'total: two services at 10.00 a month and a 5.00 setup fee each');
    assert.equal(r.balance, '30.00', 'balance');
    assert.equal(Number(r.userid), clientid, 'userid');
  });

  await step('AcceptOrder', () => api.acceptOrder(placed.orderid));

  await step('AddInvoicePayment', async () => {
    const r = await api.pay({ invoiceid: placed.invoiceid, transid: 'TX-' + tag, gateway: 'banktransfer' });
    assert.equal(r.status, 'Paid', 'status');
    assert.equal(r.balance, '0.00', 'balance');
  });

  await step('GetClientsDetails', async () => {
    const r = await api.clientDetails(clientid);
    assert.equal(Number(r.client.id), clientid, 'client.id');
    assert.equal(r.client.email, email, 'client.email');
    assert.equal(r.client.firstname, 'Ada', 'client.firstname');
    assert.equal(r.client.companyname, 'Engines Ltd', 'client.companyname');
    assert.equal(r.email, email, 'email at the top level');
  });

  await step('GetOrders', async () => {
    const r = await api.order(placed.orderid);
    assert.equal(Number(r.totalresults), 1, 'totalresults');
    const order = r.orders.order[0];
    assert.equal(Number(order.id), placed.orderid, 'order id');
    assert.equal(Number(order.userid), clientid, 'userid');
    assert.equal(order.status, 'Active', 'status');
    assert.deepEqual(order.lineitems.lineitem.map((l) => Number(l.relid)).sort(), [...placed.serviceids].sort(),
      'lineitems relid');
  });

  await step('GetInvoice (paid)', async () => {
    const r = await api.invoice(placed.invoiceid);
    assert.equal(r.status, 'Paid', 'status');
    assert.equal(r.amountpaid, '30.00', 'amountpaid');
    assert.equal(r.balance, '0.00', 'balance');
    assert.equal(Number(r.orderid), placed.orderid, 'orderid');
  });

  await step('GetClientsProducts', async () => {
    const r = await api.clientProducts(clientid, 0, 25);
    assert.equal(Number(r.totalresults), 2, 'totalresults');
    for (const p of r.products.product) {
      assert.equal(Number(p.pid), pid, 'pid');
      assert.equal(Number(p.orderid), placed.orderid, 'orderid');
      // a product without a server module has nothing to set up: its services wait for an admin
      assert.equal(p.status, 'Pending', 'status of service ' + p.id);
      assert.equal(p.billingcycle, 'Monthly', 'billingcycle');
      assert.equal(p.recurringamount, '10.00', 'recurringamount');
    }
  });

  await step('GetClientsProducts paged until numreturned is 0', async () => {
    const seen = [];
    for (let start = 0; ; start++) {
      assert.ok(start <= 3, 'still answering products after 3 pages of one');
      const r = await api.clientProducts(clientid, start, 1);
      assert.equal(Number(r.startnumber), start, 'startnumber');
      if (Number(r.numreturned) === 0) {
        break;
      }
      assert.equal(Number(r.numreturned), 1, 'numreturned of a page of one');
      seen.push(Number(r.products.product[0].id));
    }
    assert.deepEqual(seen.sort(), [...placed.serviceids].sort(), 'services seen over the pages');
  });

  console.log('flow passed with ' + clientName);
}

main().catch((e) => {
  console.error('FAIL ' + e.message);
  process.exit(1);
});
